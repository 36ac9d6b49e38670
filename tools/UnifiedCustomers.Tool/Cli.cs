using Npgsql;
using UnifiedCustomers.Migrations;

namespace UnifiedCustomers.Tool;

/// <summary>
/// The command line: each command names the options it takes (anything else is refused with the
/// usage), the connection string is checked and the database reached before the command runs, and
/// every failure is one line on stderr with a documented exit code, never a stack trace.
/// </summary>
internal static class Cli
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    public const int Unreachable = 5;

    private const string Usage = """
        usage:
          dotnet run --project tools/UnifiedCustomers.Tool -- up --connection "<connection string>"
          dotnet run --project tools/UnifiedCustomers.Tool -- seed-demo --connection "<connection string>"
          dotnet run --project tools/UnifiedCustomers.Tool -- seed-demo-api-key --connection "<connection string>" --key-file <path>
          dotnet run --project tools/UnifiedCustomers.Tool -- create-organization --connection "<connection string>" --name <name> --slug <slug>
              --time-zone <IANA zone, e.g. Europe/London> --country <ISO 3166 code, e.g. GB>
          dotnet run --project tools/UnifiedCustomers.Tool -- create-api-key --connection "<connection string>" --organization <slug> --name <name>
          dotnet run --project tools/UnifiedCustomers.Tool -- revoke-api-key --connection "<connection string>" --prefix <uc_live_xxxxxxxx>
          scripts/consolidate --connection "<connection string>"
              [--legacy-schema legacy] [--cutover 2026-06-01T00:00:00Z] [--dry-run] [--report report.json]
            Folds the legacy tables into the unified model in one transaction (see README, "Legacy consolidation").
            Exit codes: 0 done (or already done, or dry run), 1 failed or stopped (rolled back), 2 usage, 3 refused, 4 unbalanced.
        Every command: --connection may be left out when ConnectionStrings__Default is set.
        Exit codes of every command: 0 done, 1 failed, 2 usage (unknown command or option, bad connection string), 5 database unreachable.
        """;

    /// <summary>Each command and the options it takes (`--name value` or a `--flag`); a new command adds its line here.</summary>
    private static readonly Dictionary<string, string[]> Commands = new(StringComparer.Ordinal)
    {
        ["up"] = ["connection"],
        ["seed-demo"] = ["connection"],
        ["seed-demo-api-key"] = ["connection", "key-file"],
        ["create-api-key"] = ["connection", "organization", "name"],
        ["revoke-api-key"] = ["connection", "prefix"],
        ["create-organization"] = ["connection", "name", "slug", "time-zone", "country"],
        ["consolidate"] = ["connection", "legacy-schema", "cutover", "dry-run", "report"],
    };

    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "dry-run" };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0) return Fail(Usage);
        if (!Commands.TryGetValue(args[0], out var allowed)) return Fail($"unknown command '{args[0]}'\n{Usage}");
        Options options;
        try
        {
            options = Options.Parse(args.Skip(1));
        }
        catch (ArgumentException e)
        {
            return Fail($"{e.Message}\n{Usage}");
        }
        if (options.Names.FirstOrDefault(n => !allowed.Contains(n)) is { } unknown) return Fail($"{args[0]} takes no option --{unknown}\n{Usage}");
        if (options.Names.FirstOrDefault(n => Flags.Contains(n) && options.Get(n) is not null) is { } flag)
            return Fail($"--{flag} takes no value (got '{options.Get(flag)}')\n{Usage}");
        if (options.Names.FirstOrDefault(n => !Flags.Contains(n) && options.Get(n) is null) is { } valueless)
            return Fail($"--{valueless} needs a value\n{Usage}");

        var connection = options.Get("connection")
            ?? (Environment.GetEnvironmentVariable("ConnectionStrings__Default") is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        if (connection is null) return Fail($"{args[0]} needs --connection \"<connection string>\" (or ConnectionStrings__Default)");
        if (ConnectionStringProblem(connection) is { } problem) return Fail(problem);
        if (await UnreachableAsync(connection) is { } unreachable)
        {
            Console.Error.WriteLine(unreachable);
            return Unreachable;
        }

        using var stop = new CancellationTokenSource();
        using var watch = ParentWatch.StartIfUnderDotnetRun(stop);
        try
        {
            return await RunCommandAsync(args[0], options, connection, stop.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The edge of the tool: one line, no stack trace; each command's writes are one transaction.
            Console.Error.WriteLine($"{args[0]} failed: {OneLine(e)}");
            return Failed;
        }
    }

    private static async Task<int> RunCommandAsync(string command, Options options, string connection, CancellationToken stop)
    {
        switch (command)
        {
            case "up":
                var applied = await SchemaMigrator.UpAsync(connection, stop);
                Console.WriteLine(applied.Count == 0
                    ? "Schema is up to date."
                    : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
                return Done;
            case "seed-demo":
                Console.WriteLine(await Seeding.DemoSeed.RunAsync(connection, TimeProvider.System)
                    ? $"Seeded the demo organization '{Seeding.DemoSeed.Slug}'."
                    : $"The demo organization '{Seeding.DemoSeed.Slug}' is already seeded.");
                var added = await Seeding.DemoSeed.TopUpAsync(connection, TimeProvider.System);
                Console.WriteLine(added == 0
                    ? $"Its timetable already reaches {Seeding.DemoSeed.DaysAhead} days ahead."
                    : $"Scheduled {added} demo session(s) so the timetable reaches {Seeding.DemoSeed.DaysAhead} days ahead.");
                return Done;
            case "seed-demo-api-key":
                if (options.Get("key-file") is not { } keyFile)
                    return Fail("seed-demo-api-key needs --connection \"<connection string>\" --key-file <path>");
                var demoKey = await Seeding.DemoApiKey.EnsureAsync(connection, keyFile, TimeProvider.System);
                if (demoKey is null) return Fail($"The demo organization '{Seeding.DemoSeed.Slug}' is not seeded: run seed-demo first.", Failed);
                Console.WriteLine(demoKey);
                return Done;
            case "create-organization":
                if (options.Get("name") is not { Length: > 0 } orgName || options.Get("slug") is not { Length: > 0 } orgSlug
                    || options.Get("time-zone") is not { Length: > 0 } zone || options.Get("country") is not { Length: > 0 } country)
                    return Fail("create-organization needs --connection \"<connection string>\" --name <name> --slug <slug> --time-zone <IANA zone> --country <ISO 3166 code>");
                return await CreateOrganizationAsync(connection, orgName, orgSlug, zone, country);
            case "create-api-key":
                if (options.Get("organization") is not { } slug || options.Get("name") is not { Length: > 0 } name)
                    return Fail("create-api-key needs --connection \"<connection string>\" --organization <slug> --name <name>");
                await using (var db = Infrastructure.Persistence.AppDbContext.Create(connection))
                {
                    var key = await Infrastructure.Access.ApiKeyStore.IssueAsync(db, slug, name, TimeProvider.System.GetUtcNow());
                    if (key is null) return Fail($"No organization has the slug '{slug}'.", Failed);
                    Console.Error.WriteLine($"API key '{name}' for '{slug}' (shown once; only its hash is stored):");
                    Console.WriteLine(key);
                }
                return Done;
            case "revoke-api-key":
                if (options.Get("prefix") is not { Length: > 0 } prefix)
                    return Fail("revoke-api-key needs --connection \"<connection string>\" --prefix <uc_live_xxxxxxxx>");
                await using (var db = Infrastructure.Persistence.AppDbContext.Create(connection))
                {
                    if (!await Infrastructure.Access.ApiKeyStore.RevokeAsync(db, prefix, TimeProvider.System.GetUtcNow()))
                        return Fail($"No API key starts with '{prefix}'.", Failed);
                }
                Console.WriteLine($"Revoked the API key {prefix}.");
                return Done;
            case "consolidate":
                return await Consolidation.ConsolidateCommand.RunAsync(
                    options, connection, Console.Out, Console.Error, live: !Console.IsOutputRedirected, stop);
            default:
                return Fail(Usage);
        }
    }

    /// <returns>Done, UsageError for an invalid value, Failed when the slug is taken</returns>
    private static async Task<int> CreateOrganizationAsync(string connection, string name, string slug, string timeZone, string country)
    {
        var now = TimeProvider.System.GetUtcNow();
        var created = Domain.Organizations.Organization.Create(Guid.CreateVersion7(now), name, slug, timeZone, country, now);
        if (created.IsFailure) return Fail($"{created.Error!.Code}: {created.Error.Message}", UsageError);
        var organization = created.Value;
        await using var db = Infrastructure.Persistence.AppDbContext.Create(connection);
        var taken = $"organization.slug_taken: another organization already uses the slug '{organization.Slug}'.";
        if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Organizations, o => o.Slug == organization.Slug))
        {
            Console.Error.WriteLine(taken);
            return Failed;
        }
        db.Organizations.Add(organization);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Another run took the slug between the check and the insert.
            Console.Error.WriteLine(taken);
            return Failed;
        }
        Console.Error.WriteLine($"Created '{organization.Name}' ({organization.Slug}, {organization.TimeZone}, {organization.Country}); its id:");
        Console.WriteLine(organization.Id);
        Console.Error.WriteLine($"Next, a staff API key: create-api-key --connection \"<connection string>\" --organization {organization.Slug} --name <name>");
        return Done;
    }

    /// <returns>why the text is not a PostgreSQL connection string, or null</returns>
    internal static string? ConnectionStringProblem(string connection)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connection);
            return string.IsNullOrWhiteSpace(builder.Host) ? "--connection names no Host" : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return $"--connection is not a PostgreSQL connection string: {OneLine(e)}";
        }
    }

    /// <returns>one line saying why the database cannot be reached, or null when a connection opens</returns>
    internal static async Task<string?> UnreachableAsync(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection) { Pooling = false };
        if (!new NpgsqlConnectionStringBuilder(connection).ContainsKey("Timeout")) builder.Timeout = 10;
        try
        {
            await using var open = new NpgsqlConnection(builder.ConnectionString);
            await open.OpenAsync();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            return $"Cannot reach the database {builder.Host}:{builder.Port}/{builder.Database}: {OneLine(e)}";
        }
    }

    /// <summary>The exception's messages, outermost first, on one line (no stack trace).</summary>
    internal static string OneLine(Exception e)
    {
        var messages = new List<string>();
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            var message = inner.Message.ReplaceLineEndings(" ").Trim();
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal))) messages.Add(message);
        }
        return string.Join(": ", messages);
    }

    private static int Fail(string message, int code = UsageError)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}

/// <summary>`--name value` and `--flag` pairs, the only shape our commands take.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null) options._values[pending] = null;
                pending = arg[2..];
                if (pending.Length == 0) throw new ArgumentException("'--' names no option");
            }
            else if (pending is not null)
            {
                options._values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
        }
        if (pending is not null) options._values[pending] = null;
        return options;
    }

    public IEnumerable<string> Names => _values.Keys;

    public string? Get(string name) => _values.GetValueOrDefault(name);
    public bool Has(string name) => _values.ContainsKey(name);
}
