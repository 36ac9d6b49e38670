using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>The invariants of the fold on generated data with random links, statuses and every anomaly.</summary>
public sealed class GeneratedDataTests(FoldedOnce<GeneratedDatabase> fixture) : IClassFixture<FoldedOnce<GeneratedDatabase>>
{
    private readonly GeneratedDatabase _db = fixture.Database;

    [Fact]
    public void EveryTable_Balances()
    {
        fixture.Result.Outcome.Should().Be(ConsolidationOutcome.Committed);
        var report = fixture.Result.Report!;
        report.Balanced.Should().BeTrue();
        report.Tables.Should().HaveCount(13).And.OnlyContain(t => t.Value.Read == t.Value.Migrated + t.Value.Merged + t.Value.Quarantined.Values.Sum());
        report.Tables["bookings"].Read.Should().Be(6000);
    }

    [Fact]
    public async Task EveryLegacyRow_AppearsExactlyOnce_InTheIdMapOrTheQuarantine()
    {
        foreach (var table in ConsolidationReport.LegacyTables)
        {
            var wrong = await _db.ScalarAsync<long>($"""
                SELECT count(*) FROM legacy.{table} t
                WHERE (SELECT count(*) FROM legacy_id_map m WHERE m.source_table = '{table}' AND m.legacy_id = t.id)
                    + (SELECT count(*) FROM consolidation_quarantine q WHERE q.source_table = '{table}' AND q.legacy_id = t.id) <> 1
                """);
            wrong.Should().Be(0, table);
            var strays = await _db.ScalarAsync<long>($"""
                SELECT (SELECT count(*) FROM legacy_id_map m WHERE m.source_table = '{table}' AND NOT EXISTS (SELECT 1 FROM legacy.{table} t WHERE t.id = m.legacy_id))
                     + (SELECT count(*) FROM consolidation_quarantine q WHERE q.source_table = '{table}' AND NOT EXISTS (SELECT 1 FROM legacy.{table} t WHERE t.id = q.legacy_id))
                """);
            strays.Should().Be(0, table);
        }
    }

    [Fact]
    public async Task EverySessionsInstructorAndLocationText_MapsToTheOrganizationsRowOfThatTrimmedName_BlanksToNone()
    {
        var wrong = await _db.ScalarAsync<long>("""
            SELECT count(*) FROM class_sessions s JOIN legacy.class_sessions l ON l.id = s.id
            LEFT JOIN instructors i ON i.organization_id = s.organization_id AND i.id = s.instructor_id
            LEFT JOIN locations loc ON loc.organization_id = s.organization_id AND loc.id = s.location_id
            WHERE i.name IS DISTINCT FROM nullif(btrim(l.instructor_name), '') OR loc.name IS DISTINCT FROM nullif(btrim(l.location), '')
            """);
        var duplicates = await _db.ScalarAsync<long>("""
            SELECT (SELECT count(*) - count(DISTINCT (organization_id, name)) FROM instructors)
                 + (SELECT count(*) - count(DISTINCT (organization_id, name)) FROM locations)
            """);

        wrong.Should().Be(0);
        duplicates.Should().Be(0);
        (await _db.ScalarAsync<long>("SELECT count(*) FROM instructors")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task NoCustomer_SpansTwoOrganizations()
    {
        var spanning = await _db.ScalarAsync<long>("""
            SELECT count(*) FROM (
                SELECT m.target_id
                FROM legacy_id_map m
                LEFT JOIN legacy.clients c ON m.source_table = 'clients' AND c.id = m.legacy_id
                LEFT JOIN legacy.leads l ON m.source_table = 'leads' AND l.id = m.legacy_id
                WHERE m.target_table = 'customers'
                GROUP BY m.target_id
                HAVING count(DISTINCT coalesce(c.org_id, l.organization_id)) > 1) s
            """);
        spanning.Should().Be(0);
        var outside = await _db.ScalarAsync<long>("""
            SELECT count(*) FROM legacy_id_map m
            JOIN customers cu ON cu.id = m.target_id
            LEFT JOIN legacy.clients c ON m.source_table = 'clients' AND c.id = m.legacy_id
            LEFT JOIN legacy.leads l ON m.source_table = 'leads' AND l.id = m.legacy_id
            WHERE m.target_table = 'customers' AND cu.organization_id <> coalesce(c.org_id, l.organization_id, cu.organization_id)
            """);
        outside.Should().Be(0);
        (await _db.ScalarAsync<long>("SELECT count(*) FROM bookings b JOIN class_sessions s ON s.id = b.session_id WHERE s.organization_id <> b.organization_id"))
            .Should().Be(0);
    }

    [Fact]
    public void TheAnomalies_AreMet()
    {
        var report = fixture.Result.Report!;
        report.Tables["leads"].Quarantined.Should().ContainKey("lead_without_organization");
        report.Tables["leads"].Merged.Should().BePositive();
        report.Tables["clients"].Merged.Should().BePositive();
        report.Tables["bookings"].Merged.Should().BePositive();
        report.Tables["bookings"].Quarantined.Keys.Should().Contain(["no_class_session", "appointment_booking", "orphan_customer",
            "conflicting_customer_ids", "orphan_session", "unknown_status"]);
        report.Tables["class_waitlists"].Quarantined.Should().ContainKey("unknown_status");
        report.Tables["customer_memberships"].Quarantined.Should().ContainKey("invalid_dates");
        report.OrgConflicts.Should().BePositive();
        report.PossibleDuplicates.Should().NotBeEmpty();
        report.PackClamps.Should().NotBeEmpty();
        report.NamelessCustomers.Should().BePositive();
        report.Customers.Should().HaveCount(2);
    }

    [Fact]
    public async Task Ledger_HasOneConsumption_PerChargedBooking()
    {
        (await _db.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE charged")).Should().BePositive();
        (await _db.ScalarAsync<long>("""
            SELECT count(*) FROM bookings b
            WHERE b.charged <> EXISTS (SELECT 1 FROM credit_ledger l WHERE l.booking_id = b.id AND l.delta = -1 AND l.reason = 'legacy_import')
            """)).Should().Be(0);
        (await _db.ScalarAsync<long>("SELECT count(*) FROM credit_ledger")).Should().Be(await _db.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE charged"));
    }

    [Fact]
    public async Task Waitlists_AreNumberedOneToN_PerSession()
    {
        (await _db.ScalarAsync<long>("""
            SELECT count(*) FROM (
                SELECT session_id FROM bookings WHERE status = 'waitlisted'
                GROUP BY session_id HAVING min(waitlist_position) <> 1 OR max(waitlist_position) <> count(*) OR count(DISTINCT waitlist_position) <> count(*)) s
            """)).Should().Be(0);
    }
}
