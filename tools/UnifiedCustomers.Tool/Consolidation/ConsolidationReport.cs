using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>What the fold did, per legacy table, and what a person should look at afterwards.</summary>
internal sealed record ConsolidationReport(
    string Cutover,
    bool DryRun,
    IReadOnlyDictionary<string, TableCounts> Tables,
    bool Balanced,
    Findings<PossibleDuplicate> PossibleDuplicates,
    int OrgConflicts,
    Findings<CounterDisagreement> CounterDisagreements,
    Findings<UsageDifference> UsageDifferences,
    Findings<CapacityDisagreement> CapacityDisagreements,
    Findings<PackClamp> PackClamps,
    Findings<ShortenedValue> ShortenedValues,
    Findings<OverbookedSession> OverbookedSessions,
    Findings<BookingOnCancelledSession> BookingsOnCancelledSessions,
    Findings<WaitlistBesideFreeSeats> WaitlistsBesideFreeSeats,
    int LostLeads,
    int NamelessCustomers,
    IReadOnlyList<OrganizationCustomers> Customers)
{
    /// <summary>Every legacy table, in the order the report lists them.</summary>
    public static readonly string[] LegacyTables =
    [
        "organizations", "leads", "clients", "programs", "class_sessions", "bookings", "class_bookings",
        "membership_plans", "customer_memberships", "class_packages", "customer_class_packages",
        "class_waitlists", "customer_notes",
    ];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The report as held in memory; only when every list of findings is held whole (<see cref="Findings{T}.Complete"/>).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ConsolidationReport FromJson(string json) => JsonSerializer.Deserialize<ConsolidationReport>(json, Json)!;

    /// <summary>
    /// Writes the report as <see cref="ToJson"/> would, to a stream, each list of findings read row by row
    /// from <paramref name="findings"/> (every one of them), and returns the report holding the first of each.
    /// Memory stays flat whatever the number of findings.
    /// </summary>
    public async Task<ConsolidationReport> WriteJsonAsync(Stream stream, ReportFindings findings, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder });
        json.WriteStartObject();
        Write(json, nameof(Cutover), Cutover);
        Write(json, nameof(DryRun), DryRun);
        Write(json, nameof(Tables), Tables);
        Write(json, nameof(Balanced), Balanced);
        var possibleDuplicates = await WriteAsync(json, nameof(PossibleDuplicates), findings.PossibleDuplicates, cancellationToken);
        Write(json, nameof(OrgConflicts), OrgConflicts);
        var counterDisagreements = await WriteAsync(json, nameof(CounterDisagreements), findings.CounterDisagreements, cancellationToken);
        var usageDifferences = await WriteAsync(json, nameof(UsageDifferences), findings.UsageDifferences, cancellationToken);
        var capacityDisagreements = await WriteAsync(json, nameof(CapacityDisagreements), findings.CapacityDisagreements, cancellationToken);
        var packClamps = await WriteAsync(json, nameof(PackClamps), findings.PackClamps, cancellationToken);
        var shortenedValues = await WriteAsync(json, nameof(ShortenedValues), findings.ShortenedValues, cancellationToken);
        var overbookedSessions = await WriteAsync(json, nameof(OverbookedSessions), findings.OverbookedSessions, cancellationToken);
        var bookingsOnCancelledSessions = await WriteAsync(json, nameof(BookingsOnCancelledSessions), findings.BookingsOnCancelledSessions, cancellationToken);
        var waitlistsBesideFreeSeats = await WriteAsync(json, nameof(WaitlistsBesideFreeSeats), findings.WaitlistsBesideFreeSeats, cancellationToken);
        Write(json, nameof(LostLeads), LostLeads);
        Write(json, nameof(NamelessCustomers), NamelessCustomers);
        Write(json, nameof(Customers), Customers);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return this with
        {
            PossibleDuplicates = possibleDuplicates,
            CounterDisagreements = counterDisagreements,
            UsageDifferences = usageDifferences,
            CapacityDisagreements = capacityDisagreements,
            PackClamps = packClamps,
            ShortenedValues = shortenedValues,
            OverbookedSessions = overbookedSessions,
            BookingsOnCancelledSessions = bookingsOnCancelledSessions,
            WaitlistsBesideFreeSeats = waitlistsBesideFreeSeats,
        };

        static void Write<T>(Utf8JsonWriter json, string property, T value)
        {
            json.WritePropertyName(Json.PropertyNamingPolicy!.ConvertName(property));
            JsonSerializer.Serialize(json, value, Json);
        }

        static async Task<Findings<T>> WriteAsync<T>(Utf8JsonWriter json, string property, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
        {
            const int flushAt = 64 * 1024;
            json.WritePropertyName(Json.PropertyNamingPolicy!.ConvertName(property));
            json.WriteStartArray();
            var count = 0;
            var held = new List<T>();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                JsonSerializer.Serialize(json, row, Json);
                if (held.Count < Findings.Held) held.Add(row);
                count++;
                if (json.BytesPending > flushAt) await json.FlushAsync(cancellationToken);
            }
            json.WriteEndArray();
            return new Findings<T>(count, held);
        }
    }

    public string ToText()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Legacy consolidation report, cutover {Cutover}{(DryRun ? " (DRY RUN: nothing was written)" : "")}");
        text.AppendLine();
        text.AppendLine(inv, $"{"table",-25}{"read",10}{"migrated",10}{"merged",10}  quarantined");
        foreach (var (table, counts) in Tables)
        {
            var quarantined = counts.Quarantined.Count == 0 ? "-" : string.Join(", ", counts.Quarantined.Select(q => $"{q.Key} {q.Value}"));
            var balance = counts.Balanced ? "" : "   <-- UNBALANCED";
            text.AppendLine(inv, $"{table,-25}{counts.Read,10}{counts.Migrated,10}{counts.Merged,10}  {quarantined}{balance}");
        }
        text.AppendLine();
        text.AppendLine(Balanced ? "Balanced: read = migrated + merged + quarantined for every table." : "NOT BALANCED: the run was rolled back.");
        text.AppendLine();
        foreach (var org in Customers)
        {
            var statuses = string.Join(", ", org.ByStatus.Select(s => $"{s.Key} {s.Value}"));
            text.AppendLine(inv, $"Customers of {org.Name} ({org.OrganizationId}): {org.Total} ({statuses})");
        }
        text.AppendLine(inv, $"Org conflicts (clients.organization_id differs from org_id; org_id won): {OrgConflicts}");
        text.AppendLine(inv, $"Leads with status 'lost' kept as leads: {LostLeads}");
        text.AppendLine(inv, $"Customers with no name on any legacy row (stored as '{CustomersPhase.NamelessFirstName}'): {NamelessCustomers}");
        List("Possible duplicates (same phone, nothing else shared; review by hand)", PossibleDuplicates,
            d => $"{d.Phone}: {string.Join(", ", d.CustomerIds)}");
        List("Capacity disagreements (max_capacity used)", CapacityDisagreements,
            c => $"session {c.SessionId}: max_capacity {Show(c.MaxCapacity)}, capacity {Show(c.Capacity)}");
        List("Counter disagreements (current_bookings vs migrated seat-holding bookings)", CounterDisagreements,
            c => $"session {c.SessionId}: legacy {c.Legacy}, migrated {c.Migrated}");
        List("Usage differences (classes_used_this_period vs migrated bookings in the period containing the cutover)", UsageDifferences,
            u => $"membership {u.MembershipId}: legacy {u.Legacy}, migrated {u.Migrated}");
        List("Pack clamps (credits remaining clamped to 0..total)", PackClamps,
            p => $"pack {p.PackId}: remaining {Show(p.LegacyRemaining)} -> {p.Remaining} of {p.Total}");
        List("Shortened values (longer than the model holds: cut to fit, or an email or phone left out)", ShortenedValues,
            v => $"{v.Table}.{v.Column} {v.LegacyId}: {v.Length} characters, {v.Kept} kept");
        List("Overbooked sessions (more migrated bookings hold a seat than the capacity; kept as they were)", OverbookedSessions,
            o => $"session {o.SessionId}: capacity {o.Capacity}, seats held {o.SeatsHeld}");
        List("Bookings on cancelled sessions (kept as they were; cancel each, waiving any fee, to refund it)", BookingsOnCancelledSessions,
            b => $"session {b.SessionId}: booking {b.BookingId} {b.Status}{(b.Charged ? ", charged" : "")}");
        List("Waitlists beside free seats (sessions to come; setting the capacity, even unchanged, offers the seats to the waitlist)", WaitlistsBesideFreeSeats,
            w => $"session {w.SessionId}: capacity {w.Capacity}, seats held {w.SeatsHeld}, waitlisted {w.Waitlisted}");
        return text.ToString();

        void List<T>(string title, Findings<T> items, Func<T, string> line)
        {
            const int shown = 20;
            text.AppendLine(inv, $"{title}: {items.Count}");
            foreach (var item in items.Take(shown)) text.AppendLine(inv, $"  {line(item)}");
            if (items.Count > shown) text.AppendLine(inv, $"  ... and {items.Count - shown} more in the JSON report");
        }

        static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "NULL";
    }
}

/// <summary>The lists of findings of a run, read row by row (from the database) while the JSON report is written.</summary>
internal sealed record ReportFindings(
    IAsyncEnumerable<PossibleDuplicate> PossibleDuplicates,
    IAsyncEnumerable<CounterDisagreement> CounterDisagreements,
    IAsyncEnumerable<UsageDifference> UsageDifferences,
    IAsyncEnumerable<CapacityDisagreement> CapacityDisagreements,
    IAsyncEnumerable<PackClamp> PackClamps,
    IAsyncEnumerable<ShortenedValue> ShortenedValues,
    IAsyncEnumerable<OverbookedSession> OverbookedSessions,
    IAsyncEnumerable<BookingOnCancelledSession> BookingsOnCancelledSessions,
    IAsyncEnumerable<WaitlistBesideFreeSeats> WaitlistsBesideFreeSeats);

internal sealed record TableCounts(long Read, long Migrated, long Merged, IReadOnlyDictionary<string, long> Quarantined)
{
    [JsonIgnore]
    public bool Balanced => Read == Migrated + Merged + Quarantined.Values.Sum();
}

internal sealed record PossibleDuplicate(Guid OrganizationId, string Phone, IReadOnlyList<Guid> CustomerIds);

internal sealed record CounterDisagreement(Guid SessionId, int Legacy, int Migrated);

internal sealed record UsageDifference(Guid MembershipId, int Legacy, int Migrated);

internal sealed record CapacityDisagreement(Guid SessionId, int? MaxCapacity, int? Capacity);

internal sealed record PackClamp(Guid PackId, int? LegacyRemaining, int? LegacyUsed, int Remaining, int Total);

/// <summary>
/// A legacy text longer than its target column holds: <paramref name="Kept"/> of its <paramref name="Length"/> characters were
/// kept (0 for an email or phone, which a cut would make another one).
/// </summary>
internal sealed record ShortenedValue(string Table, string Column, Guid LegacyId, int Length, int Kept);

internal sealed record OverbookedSession(Guid SessionId, int Capacity, int SeatsHeld);

/// <summary>A confirmed or waitlisted booking of a session the legacy system cancelled: what cancelling the class would have cancelled and refunded.</summary>
internal sealed record BookingOnCancelledSession(Guid SessionId, Guid BookingId, string Status, bool Charged);

/// <summary>A session to come with people waitlisted while seats are free (the domain waitlists only a full class).</summary>
internal sealed record WaitlistBesideFreeSeats(Guid SessionId, int Capacity, int SeatsHeld, int Waitlisted);

internal sealed record OrganizationCustomers(Guid OrganizationId, string Name, long Total, IReadOnlyDictionary<string, long> ByStatus);
