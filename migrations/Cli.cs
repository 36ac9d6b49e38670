namespace UnifiedCustomers.Migrations;

internal static class Cli
{
    private const string Usage = """
        usage:
          dotnet run --project migrations -- up --connection "<connection string>"
          dotnet run --project migrations -- seed-demo --connection "<connection string>"
          dotnet run --project migrations -- seed-demo-api-key --connection "<connection string>" --key-file <path>
          dotnet run --project migrations -- create-organization --connection "<connection string>" --name <name> --slug <slug>
              --time-zone <IANA zone, e.g. Europe/London> --country <ISO 3166 code, e.g. GB>
          dotnet run --project migrations -- create-api-key --connection "<connection string>" --organization <slug> --name <name>
          dotnet run --project migrations -- revoke-api-key --connection "<connection string>" --prefix <uc_live_xxxxxxxx>
          dotnet run --project migrations -- consolidate --connection "<connection string>"
              [--legacy-schema legacy] [--cutover 2026-06-01T00:00:00Z] [--dry-run] [--report report.json]
            Folds the legacy tables into the unified model in one transaction (see README, "Legacy consolidation").
            Exit codes: 0 done (or already done, or dry run), 1 failed, 2 usage, 3 refused, 4 unbalanced.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0) return Fail(Usage);
        var options = Options.Parse(args.Skip(1));
        var connection = options.Get("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        switch (args[0])
        {
            case "up":
                if (connection is null) return Fail("up needs --connection \"<connection string>\"");
                var applied = await SchemaMigrator.UpAsync(connection);
                Console.WriteLine(applied.Count == 0
                    ? "Schema is up to date."
                    : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
                return 0;
            case "seed-demo":
                if (connection is null) return Fail("seed-demo needs --connection \"<connection string>\"");
                Console.WriteLine(await Seeding.DemoSeed.RunAsync(connection, TimeProvider.System)
                    ? $"Seeded the demo organization '{Seeding.DemoSeed.Slug}'."
                    : $"The demo organization '{Seeding.DemoSeed.Slug}' is already seeded.");
                var added = await Seeding.DemoSeed.TopUpAsync(connection, TimeProvider.System);
                Console.WriteLine(added == 0
                    ? $"Its timetable already reaches {Seeding.DemoSeed.DaysAhead} days ahead."
                    : $"Scheduled {added} demo session(s) so the timetable reaches {Seeding.DemoSeed.DaysAhead} days ahead.");
                return 0;
            case "seed-demo-api-key":
                if (connection is null || options.Get("key-file") is not { } keyFile)
                    return Fail("seed-demo-api-key needs --connection \"<connection string>\" --key-file <path>");
                var demoKey = await Seeding.DemoApiKey.EnsureAsync(connection, keyFile, TimeProvider.System);
                if (demoKey is null) return Fail($"The demo organization '{Seeding.DemoSeed.Slug}' is not seeded: run seed-demo first.");
                Console.WriteLine(demoKey);
                return 0;
            case "create-organization":
                if (connection is null || options.Get("name") is not { Length: > 0 } orgName || options.Get("slug") is not { Length: > 0 } orgSlug
                    || options.Get("time-zone") is not { Length: > 0 } zone || options.Get("country") is not { Length: > 0 } country)
                    return Fail("create-organization needs --connection \"<connection string>\" --name <name> --slug <slug> --time-zone <IANA zone> --country <ISO 3166 code>");
                return await CreateOrganizationAsync(connection, orgName, orgSlug, zone, country);
            case "create-api-key":
                if (connection is null || options.Get("organization") is not { } slug || options.Get("name") is not { Length: > 0 } name)
                    return Fail("create-api-key needs --connection \"<connection string>\" --organization <slug> --name <name>");
                await using (var db = Infrastructure.Persistence.AppDbContext.Create(connection))
                {
                    var key = await Infrastructure.Access.ApiKeyStore.IssueAsync(db, slug, name, TimeProvider.System.GetUtcNow());
                    if (key is null) return Fail($"No organization has the slug '{slug}'.");
                    Console.Error.WriteLine($"API key '{name}' for '{slug}' (shown once; only its hash is stored):");
                    Console.WriteLine(key);
                }
                return 0;
            case "revoke-api-key":
                if (connection is null || options.Get("prefix") is not { Length: > 0 } prefix)
                    return Fail("revoke-api-key needs --connection \"<connection string>\" --prefix <uc_live_xxxxxxxx>");
                await using (var db = Infrastructure.Persistence.AppDbContext.Create(connection))
                {
                    if (!await Infrastructure.Access.ApiKeyStore.RevokeAsync(db, prefix, TimeProvider.System.GetUtcNow()))
                        return Fail($"No API key starts with '{prefix}'.");
                }
                Console.WriteLine($"Revoked the API key {prefix}.");
                return 0;
            case "consolidate":
                return await Consolidation.ConsolidateCommand.RunAsync(
                    options, connection, Console.Out, Console.Error, live: !Console.IsOutputRedirected);
            default:
                return Fail(Usage);
        }
    }

    /// <returns>0 created, 2 an invalid value, 3 the slug is taken</returns>
    private static async Task<int> CreateOrganizationAsync(string connection, string name, string slug, string timeZone, string country)
    {
        var now = TimeProvider.System.GetUtcNow();
        var created = Domain.Organizations.Organization.Create(Guid.CreateVersion7(now), name, slug, timeZone, country, now);
        if (created.IsFailure) return Fail($"{created.Error!.Code}: {created.Error.Message}");
        var organization = created.Value;
        await using var db = Infrastructure.Persistence.AppDbContext.Create(connection);
        var taken = $"organization.slug_taken: another organization already uses the slug '{organization.Slug}'.";
        if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Organizations, o => o.Slug == organization.Slug))
        {
            Console.Error.WriteLine(taken);
            return 3;
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
            return 3;
        }
        Console.Error.WriteLine($"Created '{organization.Name}' ({organization.Slug}, {organization.TimeZone}, {organization.Country}); its id:");
        Console.WriteLine(organization.Id);
        Console.Error.WriteLine($"Next, a staff API key: create-api-key --connection \"<connection string>\" --organization {organization.Slug} --name <name>");
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
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

    public string? Get(string name) => _values.GetValueOrDefault(name);
    public bool Has(string name) => _values.ContainsKey(name);
}
