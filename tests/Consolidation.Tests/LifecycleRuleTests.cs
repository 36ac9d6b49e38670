using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>A legacy membership of one case: its legacy status, plan kind and dates, in days from the cutover day (its last update from the cutover instant).</summary>
public sealed record LegacyMembership(string Status, int? StartDays, int? EndDays, int? UpdatedDays = null);

/// <summary>A legacy pack of one case: its legacy status, credits and expiry, in days from the cutover instant.</summary>
public sealed record LegacyPack(string Status, int? Remaining, int? Used, int? ExpiresInDays);

/// <summary>One person of the lifecycle cases: a client row (or a lead with a status) and what they bought.</summary>
public sealed record LifecycleCase(string Name, string TimeZone, LegacyMembership[] Memberships, LegacyPack[] Packs, string? LeadStatus = null)
{
    public Guid PersonId => CaseIds.Of("person", Name);

    public override string ToString() => Name;
}

internal static class CaseIds
{
    public static Guid Of(params object[] parts) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('/', parts))).AsSpan(0, 16));
}

/// <summary>Every lifecycle case as legacy rows in one database, folded once.</summary>
public sealed class LifecycleDatabase : LegacyDatabase
{
    public static readonly LifecycleCase[] Cases =
    [
        new("nothing bought", "Europe/London", [], []),
        new("lead with status trial, nothing bought", "Europe/London", [], [], LeadStatus: "trial"),
        new("lead with status trial, an active membership", "Europe/London", [new("active", -30, null)], [], LeadStatus: "trial"),
        new("active membership, no end", "Europe/London", [new("active", -30, null)], []),
        new("active membership ending on the cutover day", "Europe/London", [new("active", -30, 0)], []),
        new("active membership ended the day before", "Europe/London", [new("active", -30, -1)], []),
        new("active membership starting on the cutover day", "Europe/London", [new("active", 0, 30)], []),
        new("active membership starting tomorrow", "Europe/London", [new("active", 1, 30)], []),
        new("active membership starting tomorrow, no end", "Europe/London", [new("active", 1, null)], []),
        new("active membership without a start date", "Europe/London", [new("active", null, null)], []),
        new("trial membership running", "Europe/London", [new("trial", -3, 4)], []),
        new("trial membership ended", "Europe/London", [new("trial", -10, -3)], []),
        new("trial membership starting next week", "Europe/London", [new("trial", 7, 14)], []),
        new("paused membership", "Europe/London", [new("paused", -30, null)], []),
        new("cancelled membership still running", "Europe/London", [new("cancelled", -30, 10)], []),
        new("expired membership", "Europe/London", [new("expired", -60, -30)], []),
        new("expired membership and a running trial", "Europe/London", [new("expired", -60, -30), new("trial", -1, 6)], []),
        new("running trial and an active membership", "Europe/London", [new("trial", -1, 6), new("active", -1, null)], []),
        new("pack with credits, no expiry", "Europe/London", [], [new("active", 5, 5, null)]),
        new("pack with credits, expiring tomorrow", "Europe/London", [], [new("active", 5, 0, 1)]),
        new("pack with credits, expired yesterday", "Europe/London", [], [new("active", 5, 0, -1)]),
        new("pack used up", "Europe/London", [], [new("active", 0, 10, 30)]),
        new("pack with more credits left than bought", "Europe/London", [], [new("active", 12, -2, 30)]),
        new("pack with negative credits", "Europe/London", [], [new("active", -3, 8, 30)]),
        new("expired pack with credits", "Europe/London", [], [new("expired", 4, 6, null)]),
        new("refunded pack with credits", "Europe/London", [], [new("refunded", 4, 0, 30)]),
        new("transferred pack with credits", "Europe/London", [], [new("transferred", 4, 0, 30)]),
        new("paused membership last updated after the cutover", "Europe/London", [new("paused", -30, null, UpdatedDays: 5)], []),
        new("used-up pack and a paused membership", "Europe/London", [new("paused", -30, null)], [new("active", 0, 10, 30)]),
        new("New York: membership ending on the local cutover day", "America/New_York", [new("active", -30, 0)], []),
        new("New York: membership starting on the UTC cutover day", "America/New_York", [new("active", 1, null)], []),
        new("New York: trial ended the local day before", "America/New_York", [new("trial", -10, -1)], []),
    ];

    public static Guid OrganizationOf(string timeZone) => CaseIds.Of("organization", timeZone);

    protected override async Task LoadLegacyDataAsync()
    {
        var sql = new StringBuilder();
        foreach (var zone in Cases.Select(c => c.TimeZone).Distinct())
        {
            var org = OrganizationOf(zone);
            sql.AppendLine(CultureInfo.InvariantCulture, $"""
                INSERT INTO legacy.organizations (id, name, timezone, created_at) VALUES ('{org}', 'Studio {zone}', '{zone}', '2020-01-01Z');
                INSERT INTO legacy.membership_plans (id, organization_id, name, billing_period) VALUES ('{CaseIds.Of("plan", zone)}', '{org}', 'Monthly', 'monthly');
                INSERT INTO legacy.class_packages (id, organization_id, name, classes_included) VALUES ('{CaseIds.Of("package", zone)}', '{org}', 'Ten', 10);
                """);
        }
        foreach (var @case in Cases)
        {
            var org = OrganizationOf(@case.TimeZone);
            var person = @case.PersonId;
            var email = $"'{person:N}@example.test'";
            sql.AppendLine(@case.LeadStatus is { } leadStatus
                ? $"INSERT INTO legacy.leads (id, organization_id, first_name, email, status, created_at) VALUES ('{person}', '{org}', 'Case', {email}, '{leadStatus}', '2020-01-01Z');"
                : $"INSERT INTO legacy.clients (id, org_id, first_name, email, status, created_at) VALUES ('{person}', '{org}', 'Case', {email}, 'active', '2020-01-01Z');");
            var personColumn = @case.LeadStatus is null ? "client_id" : "customer_id";
            for (var i = 0; i < @case.Memberships.Length; i++)
            {
                var m = @case.Memberships[i];
                sql.AppendLine(CultureInfo.InvariantCulture, $"""
                    INSERT INTO legacy.customer_memberships (id, organization_id, {personColumn}, membership_plan_id, status, start_date, end_date, created_at, updated_at)
                    VALUES ('{CaseIds.Of("membership", @case.Name, i)}', '{org}', '{person}', '{CaseIds.Of("plan", @case.TimeZone)}', '{m.Status}',
                            {Day(m.StartDays, @case.TimeZone)}, {Day(m.EndDays, @case.TimeZone)}, '2026-01-01Z', {(m.UpdatedDays is null ? "DEFAULT" : Instant(m.UpdatedDays))});
                    """);
            }
            for (var i = 0; i < @case.Packs.Length; i++)
            {
                var p = @case.Packs[i];
                sql.AppendLine(CultureInfo.InvariantCulture, $"""
                    INSERT INTO legacy.customer_class_packages (id, organization_id, {personColumn}, package_id, status, classes_remaining, classes_used, purchase_date, expiry_date)
                    VALUES ('{CaseIds.Of("pack", @case.Name, i)}', '{org}', '{person}', '{CaseIds.Of("package", @case.TimeZone)}', '{p.Status}',
                            {Number(p.Remaining)}, {Number(p.Used)}, '2026-01-01Z', {Instant(p.ExpiresInDays)});
                    """);
            }
        }
        await ExecuteAsync(sql.ToString());
    }

    public static DateOnly CutoverDay(string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Cutover, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    private static string Day(int? days, string timeZone) =>
        days is { } d ? $"DATE '{CutoverDay(timeZone).AddDays(d):yyyy-MM-dd}'" : "NULL";

    private static string Instant(int? days) =>
        days is { } d ? $"TIMESTAMPTZ '{Cutover.AddDays(d).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}'" : "NULL";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "NULL";
}

/// <summary>
/// The consolidation decides a customer's lifecycle status in SQL; the domain decides it from the
/// customer's memberships and packs (<see cref="LifecycleEvidence"/>). On the same cases, the status
/// the fold wrote must be the one the domain gives for the memberships and packs the fold wrote.
/// </summary>
public sealed class LifecycleRuleTests(FoldedOnce<LifecycleDatabase> fixture) : IClassFixture<FoldedOnce<LifecycleDatabase>>
{
    public static TheoryData<string> CaseNames => new(LifecycleDatabase.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task TheFoldsStatus_IsTheDomainsStatus_ForTheSameMembershipsAndPacks(string name)
    {
        var @case = LifecycleDatabase.Cases.Single(c => c.Name == name);
        fixture.Result.Outcome.Should().Be(ConsolidationOutcome.Committed);
        await using var db = fixture.Database.CreateDbContext();
        var customer = await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == @case.PersonId);
        var memberships = await db.Memberships.IgnoreQueryFilters().Where(m => m.CustomerId == customer.Id).ToListAsync();
        var packs = await db.ClassPacks.IgnoreQueryFilters().Where(p => p.CustomerId == customer.Id).ToListAsync();
        memberships.Should().HaveCount(@case.Memberships.Length, "every membership of the case is migrated, none quarantined");
        packs.Should().HaveCount(@case.Packs.Length, "every pack of the case is migrated, none quarantined");

        var evidence = LifecycleEvidence.From(memberships, packs, LifecycleDatabase.CutoverDay(@case.TimeZone), LegacyDatabase.Cutover);
        var beforePurchases = @case.LeadStatus == "trial" ? LifecycleStatus.Trial : LifecycleStatus.Lead;

        customer.Status.Should().Be(Customer.StatusAfterPurchases(beforePurchases, evidence));
    }

    [Fact]
    public async Task TheCases_ReachEveryStatusThatPurchasesGive()
    {
        await using var db = fixture.Database.CreateDbContext();
        var statuses = await db.Customers.IgnoreQueryFilters().Select(c => c.Status).Distinct().ToListAsync();
        statuses.Should().BeEquivalentTo([LifecycleStatus.Lead, LifecycleStatus.Trial, LifecycleStatus.Member, LifecycleStatus.Lapsed]);
    }
}
