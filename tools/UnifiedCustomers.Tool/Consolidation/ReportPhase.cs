using System.Diagnostics;
using System.Globalization;
using UnifiedCustomers.Domain.Customers;
using static UnifiedCustomers.Tool.Consolidation.DomainRulesInSql;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>Counts every legacy table's outcome from the id map and the quarantine, and gathers the findings.</summary>
internal static class ReportPhase
{
    /// <summary>The work tables the report reads (for <c>PipelineTests</c>; the report writes none).</summary>
    public static readonly StagingTable[] Reads = [Orgs, Customers, Statuses, RankedPeople, Sessions, Memberships, Packs, Targets, SeatsHeld];

    private const string Outcomes = "SELECT source_table, outcome, count(*) FROM legacy_id_map GROUP BY 1, 2";
    private const string Quarantined = "SELECT source_table, reason, count(*) FROM consolidation_quarantine GROUP BY 1, 2 ORDER BY 1, 2";
    private const string OrgConflicts = "SELECT count(*) FROM {legacy}.clients WHERE organization_id IS NOT NULL AND organization_id <> org_id";

    private static readonly string CapacityDisagreements = $"""
        SELECT id, legacy_max_capacity, legacy_capacity FROM {Sessions}
        WHERE legacy_capacity IS DISTINCT FROM legacy_max_capacity AND legacy_capacity IS NOT NULL ORDER BY id
        """;

    // Texts of the rows that keep their legacy id, measured against what was stored: a stored text
    // shorter than the legacy one read as the fold reads it (a note keeps its lines, a name is one) was
    // cut to the column's limit.
    private static readonly (string Legacy, string Target, string Column, string Reader)[] TextsKeptById =
    [
        ("customer_notes", "customer_notes", "content", "uc_text"), ("organizations", "organizations", "name", "uc_line"),
        ("programs", "class_types", "name", "uc_line"), ("membership_plans", "membership_plans", "name", "uc_line"),
        ("class_packages", "pack_products", "name", "uc_line"),
    ];

    private static readonly string TextsKeptByIdCut = string.Join("\nUNION ALL\n", TextsKeptById.Select(v => $$"""
        SELECT '{{v.Legacy}}', '{{v.Column}}', t.id, pg_temp.uc_units(pg_temp.{{v.Reader}}(l.{{v.Column}})), pg_temp.uc_units(t.{{v.Column}})
        FROM {{v.Target}} t JOIN {legacy}.{{v.Legacy}} l ON l.id = t.id WHERE length(pg_temp.{{v.Reader}}(l.{{v.Column}})) > length(t.{{v.Column}})
        """));

    // A session's instructor and location become rows of their own, named by the cut text.
    private static readonly string SessionTextsCut = string.Join("\nUNION ALL\n",
        new[] { (Legacy: "instructor_name", Kept: "instructor"), (Legacy: "location", Kept: "location") }.Select(v => $$"""
        SELECT 'class_sessions', '{{v.Legacy}}', s.id, pg_temp.uc_units(pg_temp.uc_line(l.{{v.Legacy}})), pg_temp.uc_units(s.{{v.Kept}})
        FROM {{Sessions}} s JOIN {legacy}.class_sessions l ON l.id = s.id WHERE length(pg_temp.uc_line(l.{{v.Legacy}})) > length(s.{{v.Kept}})
        """));

    // A customer's name, source and notes come from one row of its same-person group, the most preferred
    // that has one (Chosen tells that row by its value). An email or phone cannot be cut and still be
    // one: a longer one is passed over for the next preferred row's (Chosen null), and listed when it is the
    // one the customer would have had, the group's most preferred.
    private static readonly (string Legacy, string Column, int Limit, string? Chosen)[] PeoplesTexts =
    [
        ("first_name", "first_name", PersonName.MaxLength, "c.name_pair = r.first_name || E'\\x1f' || r.last_name"),
        ("last_name", "last_name", PersonName.MaxLength, "c.name_pair = r.first_name || E'\\x1f' || r.last_name"),
        ("source", "source", Customer.SourceMaxLength, "c.source = r.source"),
        ("notes", "notes", Customer.NotesMaxLength, "c.notes = r.notes"),
        ("email", "email_key", EmailAddress.MaxLength, null),
        ("phone", "phone", PhoneNumber.MaxLength, null),
    ];

    // The people's rows holding any value that may be too long, read once: a text of at most as many bytes
    // as the limit fits however it is counted (pg_temp.uc_cut).
    private static readonly string LongPeoplesValues = $"""
        long_value AS MATERIALIZED (
            SELECT root, src, id, pref, {string.Join(", ", PeoplesTexts.Select(t => t.Column))} FROM {RankedPeople}
            WHERE {string.Join(" OR ", PeoplesTexts.Select(t => $"octet_length({t.Column}) > {t.Limit}"))})
        """;

    // The row a customer's cut value came from; a passed-over email or phone is listed as kept: 0.
    private static readonly string PeoplesTextsCut = string.Join("\nUNION ALL\n", PeoplesTexts.Select(v => v.Chosen is null
        ? $$"""
        SELECT r.src, '{{v.Legacy}}', r.id, pg_temp.uc_units(r.{{v.Column}}), 0 FROM long_value r
        WHERE NOT pg_temp.uc_fits(r.{{v.Column}}, {{v.Limit}})
          AND NOT EXISTS (SELECT 1 FROM {{RankedPeople}} q WHERE q.root = r.root AND q.pref < r.pref AND q.{{v.Column}} IS NOT NULL)
        """
        : $$"""
        (SELECT DISTINCT ON (c.id) r.src, '{{v.Legacy}}', r.id, pg_temp.uc_units(r.{{v.Column}}), pg_temp.uc_units(t.{{v.Column}})
         FROM long_value r JOIN {{Customers}} c ON c.root = r.root AND {{v.Chosen}} JOIN customers t ON t.id = c.id
         WHERE length(r.{{v.Column}}) > length(t.{{v.Column}})
         ORDER BY c.id, r.pref)
        """));

    private static readonly string ShortenedValues = $"WITH {LongPeoplesValues}\n"
        + string.Join("\nUNION ALL\n", TextsKeptByIdCut, SessionTextsCut, PeoplesTextsCut) + "\nORDER BY 1, 2, 3";

    // A total other than remaining + used was clamped: below zero, or beyond what an integer holds.
    private static readonly string PackClamps = $"""
        SELECT id, legacy_remaining, legacy_used, remaining, total FROM {Packs}
        WHERE reason IS NULL AND (remaining <> coalesce(legacy_remaining, 0) OR coalesce(legacy_remaining, 0)::bigint + coalesce(legacy_used, 0) <> total)
        ORDER BY id
        """;

    private static readonly string LostLeads = $"SELECT count(*) FROM {Customers} c JOIN {Statuses} s ON s.id = c.id WHERE s.status = 'lead' AND c.lost_lead";

    private static readonly string NamelessCustomers = $"SELECT count(*) FROM {Customers} WHERE name_pair IS NULL";

    private static readonly string CustomersByStatus = $"""
        SELECT o.id, o.name, s.status, count(*)
        FROM {Customers} c JOIN {Statuses} s ON s.id = c.id JOIN {Orgs} o ON o.id = c.org_id
        GROUP BY o.id, o.name, s.status ORDER BY o.name, o.id, s.status
        """;

    /// <summary>Gathers the report and writes it to <paramref name="json"/> as it goes; the report returned holds the first findings of each list.</summary>
    public static async Task<ConsolidationReport> RunAsync(PhaseContext context, Stream json, CancellationToken cancellationToken)
    {
        context.Progress.PhaseStarted("report");
        var tables = new Dictionary<string, TableCounts>(StringComparer.Ordinal);
        var outcomes = await context.QueryAsync(Outcomes,
            r => (Table: r.GetString(0), Outcome: r.GetString(1), Count: r.GetInt64(2)), cancellationToken);
        var quarantined = await context.QueryAsync(Quarantined,
            r => (Table: r.GetString(0), Reason: r.GetString(1), Count: r.GetInt64(2)), cancellationToken);
        foreach (var table in ConsolidationReport.LegacyTables)
        {
            var read = await context.ScalarAsync<long>($"SELECT count(*) FROM {{legacy}}.{table}", cancellationToken);
            tables[table] = new TableCounts(
                read,
                outcomes.Where(o => o.Table == table && o.Outcome == "migrated").Sum(o => o.Count),
                outcomes.Where(o => o.Table == table && o.Outcome == "merged").Sum(o => o.Count),
                quarantined.Where(q => q.Table == table).ToDictionary(q => q.Reason, q => q.Count, StringComparer.Ordinal));
        }
        context.Progress.StepDone("counts", tables.Count, TimeSpan.Zero);

        var head = new ConsolidationReport(
            Cutover: context.Options.Cutover.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            DryRun: context.Options.DryRun,
            Tables: tables,
            Balanced: tables.Values.All(t => t.Balanced),
            PossibleDuplicates: Findings<PossibleDuplicate>.None,
            OrgConflicts: (int)await context.ScalarAsync<long>(OrgConflicts, cancellationToken),
            CounterDisagreements: Findings<CounterDisagreement>.None,
            UsageDifferences: Findings<UsageDifference>.None,
            CapacityDisagreements: Findings<CapacityDisagreement>.None,
            PackClamps: Findings<PackClamp>.None,
            ShortenedValues: Findings<ShortenedValue>.None,
            OverbookedSessions: Findings<OverbookedSession>.None,
            BookingsOnCancelledSessions: Findings<BookingOnCancelledSession>.None,
            WaitlistsBesideFreeSeats: Findings<WaitlistBesideFreeSeats>.None,
            LostLeads: (int)await context.ScalarAsync<long>(LostLeads, cancellationToken),
            NamelessCustomers: (int)await context.ScalarAsync<long>(NamelessCustomers, cancellationToken),
            Customers: await CustomersAsync(context, cancellationToken));
        var watch = Stopwatch.StartNew();
        var report = await head.WriteJsonAsync(json, new ReportFindings(
            PossibleDuplicates: context.StreamAsync(PossibleDuplicates,
                r => new PossibleDuplicate(r.GetGuid(0), r.GetString(1), r.GetFieldValue<Guid[]>(2)), cancellationToken),
            CounterDisagreements: context.StreamAsync(CounterDisagreements,
                r => new CounterDisagreement(r.GetGuid(0), r.GetInt32(1), r.GetInt32(2)), cancellationToken),
            UsageDifferences: context.StreamAsync(UsageDifferences,
                r => new UsageDifference(r.GetGuid(0), r.GetInt32(1), r.GetInt32(2)), cancellationToken),
            CapacityDisagreements: context.StreamAsync(CapacityDisagreements,
                r => new CapacityDisagreement(r.GetGuid(0), NullableInt(r, 1), NullableInt(r, 2)), cancellationToken),
            PackClamps: context.StreamAsync(PackClamps,
                r => new PackClamp(r.GetGuid(0), NullableInt(r, 1), NullableInt(r, 2), r.GetInt32(3), r.GetInt32(4)), cancellationToken),
            ShortenedValues: context.StreamAsync(ShortenedValues,
                r => new ShortenedValue(r.GetString(0), r.GetString(1), r.GetGuid(2), r.GetInt32(3), r.GetInt32(4)), cancellationToken),
            OverbookedSessions: context.StreamAsync(OverbookedSessions,
                r => new OverbookedSession(r.GetGuid(0), r.GetInt32(1), r.GetInt32(2)), cancellationToken),
            BookingsOnCancelledSessions: context.StreamAsync(BookingsOnCancelledSessions,
                r => new BookingOnCancelledSession(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetBoolean(3)), cancellationToken),
            WaitlistsBesideFreeSeats: context.StreamAsync(WaitlistsBesideFreeSeats,
                r => new WaitlistBesideFreeSeats(r.GetGuid(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)), cancellationToken)),
            cancellationToken);
        context.Progress.StepDone("findings", report.PossibleDuplicates.Count + report.CounterDisagreements.Count + report.UsageDifferences.Count
            + report.CapacityDisagreements.Count + report.PackClamps.Count + report.ShortenedValues.Count
            + report.OverbookedSessions.Count + report.BookingsOnCancelledSessions.Count + report.WaitlistsBesideFreeSeats.Count, watch.Elapsed);
        context.Progress.PhaseDone();
        return report;
    }

    private static int? NullableInt(Npgsql.NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    private static async Task<List<OrganizationCustomers>> CustomersAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(CustomersByStatus,
            r => (Id: r.GetGuid(0), Name: r.GetString(1), Status: r.GetString(2), Count: r.GetInt64(3)), cancellationToken);
        return rows.GroupBy(r => (r.Id, r.Name))
            .Select(g => new OrganizationCustomers(g.Key.Id, g.Key.Name, g.Sum(r => r.Count),
                g.ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal)))
            .ToList();
    }

    // Rows in different same-person groups that share a normalised phone.
    private static readonly string PossibleDuplicates = $"""
        SELECT c.org_id, p.phone, array_agg(DISTINCT c.id ORDER BY c.id) AS customers
        FROM {RankedPeople} p JOIN {Customers} c ON c.root = p.root
        WHERE p.phone IS NOT NULL
        GROUP BY c.org_id, p.phone
        HAVING count(DISTINCT c.id) > 1
        ORDER BY 1, 2
        """;

    private static readonly string CounterDisagreements = $"""
        SELECT s.id, coalesce(s.current_bookings, 0), coalesce(h.held, 0)
        FROM {Sessions} s LEFT JOIN {SeatsHeld} h ON h.session_id = s.id
        WHERE coalesce(s.current_bookings, 0) <> coalesce(h.held, 0)
        ORDER BY s.id
        """;

    // The legacy system let more people in than a class held; the bookings stay (each is a real
    // attendance or promise), and new ones wait until enough of them cancel.
    private static readonly string OverbookedSessions = $"""
        SELECT s.id, s.capacity, h.held FROM {Sessions} s JOIN {SeatsHeld} h ON h.session_id = s.id
        WHERE h.held > s.capacity
        ORDER BY s.id
        """;

    // The rules keep a booking's legacy status whatever its session's: a booking still confirmed or waitlisted on a
    // cancelled class (and the allowance or credit it spent) is the studio's to cancel and refund.
    private static readonly string BookingsOnCancelledSessions = $"""
        SELECT t.session_id, t.id, t.status, t.charged FROM {Targets} t JOIN {Sessions} s ON s.id = t.session_id
        WHERE s.status = 'cancelled' AND t.status IN ({Cancellable})
        ORDER BY t.session_id, t.id
        """;

    // The legacy waitlists are kept in order beside the seats their sessions' migrated bookings leave free.
    private static readonly string WaitlistsBesideFreeSeats = $$"""
        SELECT s.id, s.capacity, coalesce(h.held, 0), w.waitlisted::int
        FROM {{Sessions}} s
        JOIN (SELECT session_id, count(*) AS waitlisted FROM {{Targets}} WHERE status = 'waitlisted' GROUP BY session_id) w ON w.session_id = s.id
        LEFT JOIN {{SeatsHeld}} h ON h.session_id = s.id
        WHERE s.status = 'scheduled' AND s.starts_at > {cutover} AND coalesce(h.held, 0) < s.capacity
        ORDER BY s.id
        """;

    // The allowance period containing the cutover, from the plan's billing period (unlimited plans
    // included): calendar week from Monday, month or year in the studio's zone, or the whole term.
    private static readonly string UsageDifferences = $$"""
        WITH period AS (
            SELECT m.id, coalesce(m.legacy_used, 0) AS legacy, m.time_zone,
                   CASE m.billing WHEN 'week' THEN m.cutover_day - (extract(isodow FROM m.cutover_day)::int - 1)
                                  WHEN 'month' THEN date_trunc('month', m.cutover_day)::date
                                  WHEN 'year' THEN date_trunc('year', m.cutover_day)::date
                                  ELSE m.start_date END AS from_day,
                   CASE m.billing WHEN 'week' THEN m.cutover_day - (extract(isodow FROM m.cutover_day)::int - 1) + 7
                                  WHEN 'month' THEN (date_trunc('month', m.cutover_day) + interval '1 month')::date
                                  WHEN 'year' THEN (date_trunc('year', m.cutover_day) + interval '1 year')::date
                                  ELSE coalesce(m.end_date + 1, 'infinity'::date) END AS until_day,
                   m.cutover_day
            FROM {{Memberships}} m WHERE m.reason IS NULL)
        SELECT p.id, p.legacy,
               (count(t.bk) FILTER (WHERE t.status IN ({{SeatHoldingStatuses}})
                                      AND p.cutover_day >= p.from_day AND p.cutover_day < p.until_day
                                      AND (s.starts_at AT TIME ZONE p.time_zone)::date >= p.from_day
                                      AND (s.starts_at AT TIME ZONE p.time_zone)::date < p.until_day))::int AS migrated
        FROM period p
        LEFT JOIN {{Targets}} t ON t.pay_membership = p.id
        LEFT JOIN {{Sessions}} s ON s.id = t.session_id
        GROUP BY p.id, p.legacy
        HAVING p.legacy <> (count(t.bk) FILTER (WHERE t.status IN ({{SeatHoldingStatuses}})
                                      AND p.cutover_day >= p.from_day AND p.cutover_day < p.until_day
                                      AND (s.starts_at AT TIME ZONE p.time_zone)::date >= p.from_day
                                      AND (s.starts_at AT TIME ZONE p.time_zone)::date < p.until_day))
        ORDER BY p.id
        """;

    /// <summary>Every query the report sends, for <c>PipelineTests</c>.</summary>
    public static IReadOnlyList<string> Queries =>
    [
        Outcomes, Quarantined, OrgConflicts, CapacityDisagreements, PackClamps, ShortenedValues, OverbookedSessions, BookingsOnCancelledSessions,
        WaitlistsBesideFreeSeats, LostLeads, NamelessCustomers, CustomersByStatus,
        PossibleDuplicates, CounterDisagreements, UsageDifferences,
    ];
}
