using NpgsqlTypes;
using PhoneNumbers;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// Phones to E.164 with libphonenumber where the organization's country allows (GB, US, AU, IE),
/// kept as written otherwise. Each distinct (organization, phone) is parsed once, in batches read
/// through a cursor, so memory stays flat whatever the number of people.
/// </summary>
internal static class PhoneNormalization
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly string Create = $"CREATE UNLOGGED TABLE {Phones} (org_id uuid NOT NULL, raw text NOT NULL, e164 text NOT NULL)";

    private static readonly string Declare = $"""
        DECLARE uc_phone_cursor NO SCROLL CURSOR FOR
        SELECT DISTINCT p.org_id, o.country, p.phone
        FROM {People} p JOIN {Orgs} o ON o.id = p.org_id
        WHERE p.phone IS NOT NULL AND o.country IN ('GB', 'US', 'AU', 'IE')
        """;

    private const int BatchSize = 20_000;
    private static readonly string Fetch = $"FETCH {BatchSize} FROM uc_phone_cursor";

    private static readonly string Import = $"COPY {Phones} (org_id, raw, e164) FROM STDIN (FORMAT BINARY)";

    private static readonly string[] Close = ["CLOSE uc_phone_cursor", $"ANALYZE {Phones}"];

    public static readonly CodeStep Step = new("phones", [Create, Declare, Fetch, Import, .. Close], RunAsync);

    private static async Task<long> RunAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        await context.ExecuteAsync([Create, Declare], cancellationToken);
        long total = 0;
        var batch = new List<(Guid Org, string Raw, string E164)>(BatchSize);
        int fetched;
        do
        {
            batch.Clear();
            fetched = 0;
            await using (var fetch = context.Connection.CreateCommand())
            {
                fetch.CommandText = Fetch;
                await using var reader = await fetch.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var raw = reader.GetString(2);
                    var e164 = ToE164(raw, reader.GetString(1));
                    if (e164 is not null && e164 != raw) batch.Add((reader.GetGuid(0), raw, e164));
                    fetched++;
                }
            }
            if (batch.Count > 0)
            {
                await using var import = await context.Connection.BeginBinaryImportAsync(Import, cancellationToken);
                foreach (var (org, raw, e164) in batch)
                {
                    await import.StartRowAsync(cancellationToken);
                    await import.WriteAsync(org, NpgsqlDbType.Uuid, cancellationToken);
                    await import.WriteAsync(raw, NpgsqlDbType.Text, cancellationToken);
                    await import.WriteAsync(e164, NpgsqlDbType.Text, cancellationToken);
                }
                await import.CompleteAsync(cancellationToken);
            }
            total += fetched;
        }
        while (fetched == BatchSize);
        await context.ExecuteAsync(Close, cancellationToken);
        return total;
    }

    /// <summary>E.164 when the number is possible in the region, else null (the caller keeps it as written).</summary>
    public static string? ToE164(string raw, string region)
    {
        try
        {
            var number = Util.Parse(raw, region);
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
