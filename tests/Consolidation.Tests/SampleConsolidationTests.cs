using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Tool.Consolidation;
using static UnifiedCustomers.Consolidation.Tests.SampleIds;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>Every expected outcome written in sample.sql, checked on the rows the fold wrote.</summary>
public sealed class SampleConsolidationTests(SampleFixture fixture) : IClassFixture<SampleFixture>
{
    private readonly SampleDatabase _db = fixture.Database;

    [Fact]
    public void Run_Commits_AndBalances()
    {
        fixture.Result.Outcome.Should().Be(ConsolidationOutcome.Committed);
        fixture.Report.Balanced.Should().BeTrue();
        fixture.Report.DryRun.Should().BeFalse();
        fixture.Report.Cutover.Should().Be("2026-06-01T00:00:00Z");
    }

    [Fact]
    public void Report_CountsEveryTable_AsTheExpectedReport()
    {
        var expected = new Dictionary<string, (long Read, long Migrated, long Merged, Dictionary<string, long> Quarantined)>
        {
            ["organizations"] = (2, 2, 0, []),
            ["leads"] = (23, 10, 12, new() { ["lead_without_organization"] = 1 }),
            ["clients"] = (21, 19, 2, []),
            ["programs"] = (5, 5, 0, []),
            ["class_sessions"] = (8, 8, 0, []),
            ["bookings"] = (21, 13, 2, new()
            {
                ["conflicting_customer_ids"] = 1, ["no_class_session"] = 1, ["appointment_booking"] = 1,
                ["orphan_customer"] = 1, ["orphan_session"] = 1, ["unknown_status"] = 1,
            }),
            ["class_bookings"] = (13, 7, 1, new()
            {
                ["orphan_customer"] = 1, ["no_class_session"] = 1, ["conflicting_customer_ids"] = 1,
                ["unknown_status"] = 1, ["orphan_session"] = 1,
            }),
            ["membership_plans"] = (6, 6, 0, []),
            ["customer_memberships"] = (12, 10, 0, new() { ["orphan_customer"] = 1, ["conflicting_customer_ids"] = 1 }),
            ["class_packages"] = (3, 3, 0, []),
            ["customer_class_packages"] = (8, 6, 0, new() { ["conflicting_customer_ids"] = 1, ["orphan_customer"] = 1 }),
            ["class_waitlists"] = (6, 5, 0, new() { ["orphan_customer"] = 1 }),
            ["customer_notes"] = (7, 5, 0, new() { ["orphan_customer"] = 1, ["conflicting_customer_ids"] = 1 }),
        };
        fixture.Report.Tables.Keys.Should().BeEquivalentTo(expected.Keys);
        foreach (var (table, e) in expected)
        {
            var actual = fixture.Report.Tables[table];
            (actual.Read, actual.Migrated, actual.Merged).Should().Be((e.Read, e.Migrated, e.Merged), table);
            actual.Quarantined.Should().BeEquivalentTo(e.Quarantined, table);
        }
    }

    [Fact]
    public async Task Customers_AreThePeopleOfTheExpectedReport_WithTheirStatus()
    {
        var expected = new Dictionary<Guid, (Guid Org, string Status)>
        {
            [C(1)] = (O(1), "member"), [C(2)] = (O(1), "member"), [C(6)] = (O(1), "member"), [C(7)] = (O(1), "member"), [C(15)] = (O(1), "member"),
            [Same] = (O(1), "trial"), [C(11)] = (O(1), "trial"), [L(14)] = (O(1), "trial"),
            [C(3)] = (O(1), "lapsed"), [C(9)] = (O(1), "lapsed"), [C(14)] = (O(1), "lapsed"), [C(16)] = (O(1), "lapsed"),
            [C(10)] = (O(1), "archived"), [C(13)] = (O(1), "archived"),
            [L(5)] = (O(1), "lead"), [L(6)] = (O(1), "lead"), [L(7)] = (O(1), "lead"), [C(4)] = (O(1), "lead"), [L(9)] = (O(1), "lead"),
            [L(10)] = (O(1), "lead"), [C(12)] = (O(1), "lead"), [L(15)] = (O(1), "lead"), [L(17)] = (O(1), "lead"),
            [C(17)] = (O(2), "member"), [C(18)] = (O(2), "trial"), [C(19)] = (O(2), "lapsed"),
            [C(20)] = (O(2), "lead"), [L(20)] = (O(2), "lead"), [L(21)] = (O(2), "lead"),
        };
        var actual = await _db.QueryAsync("SELECT id, organization_id, lifecycle_status FROM customers",
            r => (Id: r.GetGuid(0), Org: r.GetGuid(1), Status: r.GetString(2)));
        actual.ToDictionary(c => c.Id, c => (c.Org, c.Status)).Should().BeEquivalentTo(expected);

        fixture.Report.Customers.Should().BeEquivalentTo(new[]
        {
            new { OrganizationId = O(1), Total = 23L, ByStatus = new Dictionary<string, long> { ["member"] = 5, ["trial"] = 3, ["lapsed"] = 4, ["archived"] = 2, ["lead"] = 9 } },
            new { OrganizationId = O(2), Total = 6L, ByStatus = new Dictionary<string, long> { ["member"] = 1, ["trial"] = 1, ["lapsed"] = 1, ["lead"] = 3 } },
        });
    }

    [Fact]
    public async Task EveryLeadAndClient_MapsToItsCustomer_MigratedOrMerged()
    {
        var expected = new List<(string Table, Guid Legacy, Guid Customer, string Outcome)>
        {
            ("leads", L(1), C(1), "merged"), ("leads", L(2), C(2), "merged"), ("leads", Same, Same, "merged"),
            ("leads", L(3), C(3), "merged"), ("leads", L(4), C(3), "merged"), ("leads", L(5), L(5), "migrated"),
            ("leads", L(6), L(6), "migrated"), ("leads", L(7), L(7), "migrated"), ("leads", L(8), C(6), "merged"),
            ("leads", L(9), L(9), "migrated"), ("leads", L(10), L(10), "migrated"), ("leads", L(11), C(11), "merged"),
            ("leads", L(13), C(12), "merged"), ("leads", L(14), L(14), "migrated"), ("leads", L(15), L(15), "migrated"),
            ("leads", L(16), C(14), "merged"), ("leads", L(17), L(17), "migrated"), ("leads", L(18), C(17), "merged"),
            ("leads", L(19), C(18), "merged"), ("leads", L(20), L(20), "migrated"), ("leads", L(21), L(21), "migrated"),
            ("leads", L(22), L(20), "merged"),
            ("clients", Same, Same, "migrated"), ("clients", C(5), C(6), "merged"), ("clients", C(8), C(7), "merged"),
        };
        expected.AddRange(new[] { 1, 2, 3, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }
            .Select(n => ("clients", C(n), C(n), "migrated")));

        var actual = await _db.QueryAsync(
            "SELECT source_table, legacy_id, target_id, outcome FROM legacy_id_map WHERE source_table IN ('leads', 'clients') AND target_table = 'customers'",
            r => (r.GetString(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3)));
        actual.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task QuarantinedRows_HaveTheirReason_AndTheWholeLegacyRow()
    {
        var expected = new List<(string, Guid, string)>
        {
            ("leads", L(12), "lead_without_organization"),
            ("bookings", B(6), "conflicting_customer_ids"), ("bookings", B(7), "no_class_session"), ("bookings", B(8), "appointment_booking"),
            ("bookings", B(9), "orphan_customer"), ("bookings", B(10), "orphan_session"), ("bookings", B(11), "unknown_status"),
            ("class_bookings", CB(6), "orphan_customer"), ("class_bookings", CB(7), "no_class_session"),
            ("class_bookings", CB(8), "conflicting_customer_ids"), ("class_bookings", CB(10), "unknown_status"),
            ("class_bookings", CB(13), "orphan_session"),
            ("customer_memberships", M(9), "orphan_customer"), ("customer_memberships", M(10), "conflicting_customer_ids"),
            ("customer_class_packages", K(6), "conflicting_customer_ids"), ("customer_class_packages", K(7), "orphan_customer"),
            ("class_waitlists", W(6), "orphan_customer"),
            ("customer_notes", Note(5), "orphan_customer"), ("customer_notes", Note(6), "conflicting_customer_ids"),
        };
        var actual = await _db.QueryAsync("SELECT source_table, legacy_id, reason FROM consolidation_quarantine",
            r => (r.GetString(0), r.GetGuid(1), r.GetString(2)));
        actual.Should().BeEquivalentTo(expected);

        var mismatched = await _db.ScalarAsync<long>("""
            SELECT count(*) FROM consolidation_quarantine q
            WHERE q."row" IS DISTINCT FROM CASE q.source_table
                WHEN 'leads' THEN (SELECT to_jsonb(t) FROM legacy.leads t WHERE t.id = q.legacy_id)
                WHEN 'bookings' THEN (SELECT to_jsonb(t) FROM legacy.bookings t WHERE t.id = q.legacy_id)
                WHEN 'class_bookings' THEN (SELECT to_jsonb(t) FROM legacy.class_bookings t WHERE t.id = q.legacy_id)
                WHEN 'customer_memberships' THEN (SELECT to_jsonb(t) FROM legacy.customer_memberships t WHERE t.id = q.legacy_id)
                WHEN 'customer_class_packages' THEN (SELECT to_jsonb(t) FROM legacy.customer_class_packages t WHERE t.id = q.legacy_id)
                WHEN 'class_waitlists' THEN (SELECT to_jsonb(t) FROM legacy.class_waitlists t WHERE t.id = q.legacy_id)
                WHEN 'customer_notes' THEN (SELECT to_jsonb(t) FROM legacy.customer_notes t WHERE t.id = q.legacy_id) END
            """);
        mismatched.Should().Be(0);

    }

    [Fact]
    public async Task Bookings_HaveTheExpectedCustomer_Status_AndPayment()
    {
        var expected = new Dictionary<Guid, (Guid Customer, Guid Session, string Status, string Payment, Guid? PaidBy)>
        {
            [B(1)] = (C(1), S(1), "attended", "membership", M(1)), // CB01, paid by M01, merged into it
            [B(2)] = (C(2), S(2), "confirmed", "legacy_unknown", null),
            [B(4)] = (C(3), S(1), "attended", "legacy_unknown", null),
            [B(5)] = (C(1), S(3), "confirmed", "legacy_unknown", null),
            [B(12)] = (L(14), S(5), "confirmed", "legacy_unknown", null),
            [B(13)] = (C(12), S(5), "waitlisted", "legacy_unknown", null),
            [B(14)] = (C(4), S(5), "waitlisted", "legacy_unknown", null),
            [B(15)] = (C(7), S(2), "no_show", "legacy_unknown", null),
            [B(16)] = (C(9), S(4), "cancelled", "legacy_unknown", null),
            [B(17)] = (C(17), S(7), "attended", "legacy_unknown", null),
            [B(19)] = (C(1), S(6), "confirmed", "legacy_unknown", null),
            [B(20)] = (C(6), S(6), "confirmed", "legacy_unknown", null),
            [B(21)] = (C(18), S(8), "confirmed", "legacy_unknown", null),
            [CB(2)] = (C(6), S(3), "attended", "pack", K(3)),
            [CB(3)] = (C(2), S(5), "confirmed", "pack", K(1)),
            [CB(4)] = (C(7), S(5), "confirmed", "membership", M(4)),
            [CB(5)] = (C(3), S(3), "attended", "legacy_unknown", null),
            [CB(9)] = (C(15), S(5), "confirmed", "pack", K(5)),
            [CB(11)] = (C(17), S(8), "confirmed", "membership", M(11)),
            [CB(12)] = (C(19), S(7), "no_show", "legacy_unknown", null),
            [W(1)] = (L(14), S(6), "waitlisted", "legacy_unknown", null),
            [W(2)] = (L(15), S(6), "waitlisted", "legacy_unknown", null),
            [W(3)] = (C(9), S(6), "cancelled", "legacy_unknown", null),
            [W(4)] = (L(9), S(6), "cancelled", "legacy_unknown", null),
            [W(5)] = (C(12), S(6), "cancelled", "legacy_unknown", null),
        };
        var actual = await _db.QueryAsync(
            "SELECT id, customer_id, session_id, status, payment_method, coalesce(membership_id, pack_id), charged, source FROM bookings",
            r => (Id: r.GetGuid(0), Customer: r.GetGuid(1), Session: r.GetGuid(2), Status: r.GetString(3), Payment: r.GetString(4),
                  PaidBy: r.IsDBNull(5) ? (Guid?)null : r.GetGuid(5), Charged: r.GetBoolean(6), Source: r.GetString(7)));
        actual.ToDictionary(b => b.Id, b => (b.Customer, b.Session, b.Status, b.Payment, b.PaidBy)).Should().BeEquivalentTo(expected);
        actual.Should().OnlyContain(b => b.Source == "legacy");
        actual.Where(b => b.Charged).Select(b => b.Id).Should().BeEquivalentTo(new[] { B(1), CB(2), CB(3), CB(4), CB(9), CB(11) });
    }

    [Fact]
    public async Task InstructorAndLocationTexts_BecomeOneRowPerOrganizationAndValue_AndSessionsPointAtThem()
    {
        var instructors = await _db.QueryAsync("SELECT organization_id, name, is_active FROM instructors", r => (r.GetGuid(0), r.GetString(1), r.GetBoolean(2)));
        var locations = await _db.QueryAsync("SELECT organization_id, name, is_active FROM locations", r => (r.GetGuid(0), r.GetString(1), r.GetBoolean(2)));
        var sessions = await _db.QueryAsync(
            "SELECT s.id, i.name, l.name FROM class_sessions s JOIN instructors i ON i.organization_id = s.organization_id AND i.id = s.instructor_id "
            + "JOIN locations l ON l.organization_id = s.organization_id AND l.id = s.location_id",
            r => (r.GetGuid(0), r.GetString(1), r.GetString(2)));

        instructors.Should().BeEquivalentTo(new[] { (O(1), "Rosa", true), (O(1), "Theo", true), (O(2), "Dre", true) });
        locations.Should().BeEquivalentTo(new[] { (O(1), "Studio 1", true), (O(1), "Studio 2", true), (O(2), "Floor", true) });
        sessions.Should().BeEquivalentTo(new[]
        {
            (S(1), "Rosa", "Studio 1"), (S(2), "Rosa", "Studio 1"), (S(3), "Theo", "Studio 2"), (S(4), "Theo", "Studio 2"),
            (S(5), "Rosa", "Studio 1"), (S(6), "Rosa", "Studio 1"), (S(7), "Dre", "Floor"), (S(8), "Dre", "Floor"),
        });
    }

    [Fact]
    public async Task DuplicateBookings_AreMergedIntoTheMostAdvanced_ThenTheEarliest()
    {
        var merged = await _db.QueryAsync(
            "SELECT source_table, legacy_id, target_id FROM legacy_id_map WHERE target_table = 'bookings' AND outcome = 'merged'",
            r => (r.GetString(0), r.GetGuid(1), r.GetGuid(2)));
        merged.Should().BeEquivalentTo(new[] { ("bookings", B(3), B(2)), ("bookings", B(18), CB(9)), ("class_bookings", CB(1), B(1)) });
    }

    [Fact]
    public async Task Waitlist_IsRenumberedPerSession_InPositionThenAddedOrder()
    {
        var waitlisted = await _db.QueryAsync(
            "SELECT id, session_id, waitlist_position FROM bookings WHERE status = 'waitlisted'",
            r => (r.GetGuid(0), r.GetGuid(1), r.GetInt32(2)));
        waitlisted.Should().BeEquivalentTo(new[] { (W(1), S(6), 1), (W(2), S(6), 2), (B(13), S(5), 1), (B(14), S(5), 2) });
        (await _db.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE status <> 'waitlisted' AND waitlist_position IS NOT NULL")).Should().Be(0);
    }

    [Fact]
    public async Task Packs_AreClamped_AndConsumptionsAreInTheLedger()
    {
        var packs = await _db.QueryAsync("SELECT id, customer_id, credits_total, credits_remaining FROM class_packs",
            r => (r.GetGuid(0), r.GetGuid(1), r.GetInt32(2), r.GetInt32(3)));
        packs.Should().BeEquivalentTo(new[]
        {
            (K(1), C(2), 10, 5), (K(2), C(1), 10, 0), (K(3), C(6), 10, 8), (K(4), C(9), 5, 3), (K(5), C(15), 5, 3), (K(8), C(19), 20, 0),
        });
        fixture.Report.PackClamps.Should().BeEquivalentTo(new[] { new PackClamp(K(2), -2, 12, 0, 10) });

        var ledger = await _db.QueryAsync(
            "SELECT booking_id, customer_id, coalesce(membership_id, pack_id), delta, reason FROM credit_ledger",
            r => (r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetInt32(3), r.GetString(4)));
        ledger.Should().BeEquivalentTo(new[]
        {
            (B(1), C(1), M(1), -1, "legacy_import"), (CB(2), C(6), K(3), -1, "legacy_import"), (CB(3), C(2), K(1), -1, "legacy_import"),
            (CB(4), C(7), M(4), -1, "legacy_import"), (CB(9), C(15), K(5), -1, "legacy_import"), (CB(11), C(17), M(11), -1, "legacy_import"),
        });
    }

    [Fact]
    public async Task Memberships_CopyPlanTerms_AndTrialsAreFlagged()
    {
        var memberships = await _db.QueryAsync(
            "SELECT id, customer_id, status, is_trial, allowance_period, allowance_classes FROM memberships",
            r => (r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetBoolean(3), r.GetString(4), r.IsDBNull(5) ? (int?)null : r.GetInt32(5)));
        memberships.Should().BeEquivalentTo(new (Guid, Guid, string, bool, string, int?)[]
        {
            (M(1), C(1), "active", false, "unlimited", null), (M(2), Same, "active", true, "term", 4),
            (M(3), C(3), "expired", false, "month", 8), (M(4), C(7), "active", false, "unlimited", null),
            (M(5), C(13), "expired", false, "month", 8), (M(6), C(14), "cancelled", false, "unlimited", null),
            (M(7), C(15), "paused", false, "month", 8), (M(8), C(16), "expired", false, "unlimited", null),
            (M(11), C(17), "active", false, "unlimited", null), (M(12), C(18), "active", true, "term", 6),
        });
        var plans = await _db.QueryAsync("SELECT allowance_period, allowance_classes FROM membership_plans ORDER BY id",
            r => (r.GetString(0), r.IsDBNull(1) ? (int?)null : r.GetInt32(1)));
        plans.Should().Equal(("unlimited", null), ("unlimited", null), ("month", 8), ("term", 4), ("unlimited", null), ("term", 6));
    }

    [Fact]
    public async Task MigratedRows_LoadThroughTheDomainModel()
    {
        await using var db = _db.CreateDbContext();
        (await db.Customers.CountAsync()).Should().Be(29);
        (await db.Bookings.CountAsync()).Should().Be(25);
        (await db.ClassPacks.CountAsync()).Should().Be(6);
        (await db.MembershipPlans.CountAsync()).Should().Be(6);
        var memberships = await db.Memberships.ToListAsync();
        memberships.Should().HaveCount(10);
        var paused = memberships.Single(m => m.Id == M(7));
        paused.Pauses.Should().ContainSingle().Which.Until.Should().BeNull();
        paused.Resume(new DateOnly(2026, 6, 1)).IsSuccess.Should().BeTrue();
        memberships.Single(m => m.Id == M(2)).IsTrial.Should().BeTrue();
    }

    [Fact]
    public async Task Notes_FollowTheirCustomer()
    {
        var notes = await _db.QueryAsync("SELECT id, customer_id FROM customer_notes", r => (r.GetGuid(0), r.GetGuid(1)));
        notes.Should().BeEquivalentTo(new[] { (Note(1), C(1)), (Note(2), C(3)), (Note(3), C(9)), (Note(4), C(2)), (Note(7), C(17)) });
    }

    [Fact]
    public async Task CustomerDetails_AreNormalised()
    {
        var details = await _db.QueryAsync("SELECT id, first_name, last_name, email, phone FROM customers",
            r => (Id: r.GetGuid(0), First: r.GetString(1), Last: r.GetString(2), Email: r.IsDBNull(3) ? null : r.GetString(3), Phone: r.IsDBNull(4) ? null : r.GetString(4)));
        var byId = details.ToDictionary(d => d.Id);
        byId[C(1)].Should().Be((C(1), "Amy", "Archer", "amy.archer@example.com", "+447700900001"));
        byId[C(3)].Email.Should().Be("dana.doyle@example.com");
        byId[C(9)].Phone.Should().Be("+447700900123");
        byId[L(9)].Phone.Should().Be("+447700900123");
        byId[C(17)].Phone.Should().Be("+12125550101");
        byId[L(5)].Should().Be((L(5), "Ed", "Empty", null, null));
        byId[L(7)].Email.Should().BeNull();
        byId.Values.Should().OnlyContain(d => d.First != "" || d.Last != "");

        var history = await _db.QueryAsync("""SELECT customer_id, "from", "to", cause FROM customer_status_changes""",
            r => (r.GetGuid(0), r.IsDBNull(1), r.GetString(2), r.GetString(3)));
        history.Should().HaveCount(29).And.OnlyContain(h => h.Item2 && h.Item4 == "consolidated");
        (await _db.ScalarAsync<long>("""
            SELECT count(*) FROM customer_status_changes h JOIN customers c ON c.id = h.customer_id WHERE h."to" <> c.lifecycle_status
            """)).Should().Be(0);
    }

    [Fact]
    public async Task Organizations_KeepIds_WithCountryFromTimeZone()
    {
        var orgs = await _db.QueryAsync("SELECT id, slug, country, time_zone FROM organizations",
            r => (r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        orgs.Should().BeEquivalentTo(new[]
        {
            (O(1), "northside-yoga", "GB", "Europe/London"), (O(2), "harbor-strength", "US", "America/New_York"),
        });
    }

    [Fact]
    public void Report_ListsTheFindings_OfTheExpectedReport()
    {
        var report = fixture.Report;
        report.OrgConflicts.Should().Be(1);
        report.LostLeads.Should().Be(2);
        report.PossibleDuplicates.Should().BeEquivalentTo(new[] { new PossibleDuplicate(O(1), "+447700900123", [L(9), C(9)]) });
        report.CapacityDisagreements.Should().BeEquivalentTo(new[] { new CapacityDisagreement(S(3), 12, 10) });
        report.CounterDisagreements.Should().BeEquivalentTo(new[]
        {
            new CounterDisagreement(S(2), 4, 2), new CounterDisagreement(S(5), 9, 4), new CounterDisagreement(S(7), 0, 2),
        });
        report.UsageDifferences.Should().BeEquivalentTo(new[]
        {
            new UsageDifference(M(1), 3, 0), new UsageDifference(M(3), 8, 0), new UsageDifference(M(4), 57, 1),
            new UsageDifference(M(7), 2, 0), new UsageDifference(M(8), 12, 0), new UsageDifference(M(11), 4, 0),
            new UsageDifference(M(12), 1, 0),
        });
    }

    [Fact]
    public async Task RunRow_HoldsTheJsonReport_InTheDocumentedShape()
    {
        var keys = await _db.QueryAsync("SELECT jsonb_object_keys(report) FROM consolidation_runs", r => r.GetString(0));
        keys.Should().Contain(["cutover", "dryRun", "tables", "balanced", "possibleDuplicates", "orgConflicts",
            "counterDisagreements", "usageDifferences", "capacityDisagreements", "packClamps", "shortenedValues", "overbookedSessions",
            "bookingsOnCancelledSessions", "waitlistsBesideFreeSeats", "lostLeads"]);
        (await _db.ScalarAsync<long>("SELECT (report #>> '{tables,leads,quarantined,lead_without_organization}')::bigint FROM consolidation_runs"))
            .Should().Be(1);
    }

    [Fact]
    public async Task RunRow_HoldsTheReportTheRunReturned()
    {
        (await _db.ScalarAsync<bool>($"SELECT report = '{fixture.Report.ToJson().Replace("'", "''")}'::jsonb FROM consolidation_runs"))
            .Should().BeTrue();
    }

    [Fact]
    public async Task LegacyTables_AreOnlyRead()
    {
        (await _db.LegacyChecksumsAsync()).Should().BeEquivalentTo(fixture.LegacyBefore);
    }

    [Fact]
    public async Task SecondRun_ChangesNothing_AndSaysSo()
    {
        var before = await _db.TargetChecksumsAsync();
        var output = new StringWriter();
        var exit = await ConsolidateCommand.RunAsync(
            Tool.Options.Parse(["--cutover", "2026-06-01T00:00:00Z"]), _db.ConnectionString, output, new StringWriter(), live: false);

        exit.Should().Be(0);
        output.ToString().Should().Contain("already consolidated").And.Contain("nothing changed");
        (await _db.TargetChecksumsAsync()).Should().BeEquivalentTo(before);
    }
}
