using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>Legacy plans' billing periods and organizations' time zones as a helper wrote them to attack the rules.</summary>
public sealed class BillingPeriodsAndZonesDatabase : LegacyDatabase
{
    public static readonly Guid London = Id("0a", 1), LocalTime = Id("0a", 2), Posix = Id("0a", 3), PosixRules = Id("0a", 4), Dublin = Id("0a", 5);
    public static readonly Guid WeeklyPlan = Id("fe", 1), AnnualPlan = Id("fe", 2), NullBillingPlan = Id("fe", 3), OneTimePlan = Id("fe", 4), FortnightlyPlan = Id("fe", 5);

    public static Guid Id(string prefix, int n) => Guid.Parse($"{prefix}000000-0000-0000-0000-{n:D12}");

    protected override Task LoadLegacyDataAsync() => ExecuteAsync($"""
        INSERT INTO legacy.organizations (id, name, slug, timezone, created_at) VALUES
            ('{London}', 'London', 'london', 'Europe/London', '2020-01-01Z'),
            ('{LocalTime}', 'Local', 'local', 'localtime', '2020-01-01Z'),
            ('{Posix}', 'Posix', 'posix', 'posix/Europe/London', '2020-01-01Z'),
            ('{PosixRules}', 'Rules', 'rules', 'posixrules', '2020-01-01Z'),
            ('{Dublin}', 'Dublin', 'dublin', ' EUROPE/DUBLIN ', '2020-01-01Z');
        INSERT INTO legacy.membership_plans (id, organization_id, name, billing_period, classes_per_period) VALUES
            ('{WeeklyPlan}', '{London}', 'Two a week', 'weekly', 2),
            ('{AnnualPlan}', '{London}', 'Fifty a year', 'annual', 50),
            ('{NullBillingPlan}', '{London}', 'Eight', NULL, 8),
            ('{OneTimePlan}', '{London}', 'Ten once', ' One-Time ', 10),
            ('{FortnightlyPlan}', '{London}', 'Four a fortnight', 'fortnightly', 4);
        """);
}

public sealed class BillingPeriodsAndZonesTests(FoldedOnce<BillingPeriodsAndZonesDatabase> fixture) : IClassFixture<FoldedOnce<BillingPeriodsAndZonesDatabase>>
{
    private BillingPeriodsAndZonesDatabase Db => fixture.Database;

    [Fact]
    public async Task BillingPeriods_FoldAsTheRulesList_AndAnyOtherQuarantinesALimitedPlan()
    {
        fixture.Result.Outcome.Should().Be(ConsolidationOutcome.Committed, fixture.Result.Message);
        var periods = await Db.QueryAsync("SELECT id, allowance_period FROM membership_plans ORDER BY id", r => (r.GetGuid(0), r.GetString(1)));
        var quarantined = await Db.QueryAsync("SELECT legacy_id, reason FROM consolidation_quarantine WHERE source_table = 'membership_plans'", r => (r.GetGuid(0), r.GetString(1)));

        periods.Should().BeEquivalentTo(new[]
        {
            (BillingPeriodsAndZonesDatabase.WeeklyPlan, "week"), (BillingPeriodsAndZonesDatabase.AnnualPlan, "year"),
            (BillingPeriodsAndZonesDatabase.NullBillingPlan, "month"), (BillingPeriodsAndZonesDatabase.OneTimePlan, "term"),
        });
        quarantined.Should().Equal((BillingPeriodsAndZonesDatabase.FortnightlyPlan, "unknown_billing_period"));
    }

    /// <summary>
    /// The zone files hold names that are no IANA zone (localtime follows the host's own setting); the application refuses
    /// them (Organization.IsKnownTimeZone), so a folded studio holding one could not save its settings unchanged.
    /// </summary>
    [Fact]
    public async Task ATimeZoneTheApplicationRefuses_IsUnknown_AndBecomesUtc()
    {
        var zones = await Db.QueryAsync("SELECT id, time_zone FROM organizations", r => (Id: r.GetGuid(0), Zone: r.GetString(1)));

        zones.Should().HaveCount(5).And.OnlyContain(z => Organization.IsKnownTimeZone(z.Zone));
        zones.Where(z => z.Id != BillingPeriodsAndZonesDatabase.London && z.Id != BillingPeriodsAndZonesDatabase.Dublin)
            .Select(z => z.Zone).Should().AllBe("UTC");
        zones.Single(z => z.Id == BillingPeriodsAndZonesDatabase.Dublin).Zone.Should().Be("Europe/Dublin");
    }
}
