namespace UnifiedCustomers.Testing;

/// <summary>Finds the PostgreSQL server that ./test.sh (or scripts/pg) started.</summary>
public static class TestServer
{
    public static string ConnectionString { get; } = Find();

    private static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { ".pg/test/connection", ".pg/connection" })
            {
                var file = Path.Combine(dir.FullName, candidate);
                if (File.Exists(file)) return File.ReadAllText(file).Trim();
            }
        }
        throw new InvalidOperationException(
            "No PostgreSQL server for the tests: run ./test.sh, or start one with `scripts/pg start` first.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UnifiedCustomers.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
