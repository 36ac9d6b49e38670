using System.Text;
using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>
/// The JSON report is streamed while the findings are read, holding only the first of each list: it must be
/// the report's own serialisation, with every finding, and memory must not grow with the number of findings.
/// </summary>
public sealed class ReportJsonTests
{
    private static readonly Guid Studio = Guid.Parse("00000000-0000-0000-0000-00000000000a");

    private static List<UsageDifference> Differences(int count) =>
        Enumerable.Range(1, count).Select(i => new UsageDifference(new Guid(i, 0, 0, new byte[8]), i % 7, i % 3)).ToList();

    private static ConsolidationReport Report(IReadOnlyList<UsageDifference> usage) => new(
        Cutover: "2026-06-01T00:00:00Z",
        DryRun: false,
        Tables: new Dictionary<string, TableCounts> { ["leads"] = new(3, 2, 0, new Dictionary<string, long> { ["lead_without_organization"] = 1 }) },
        Balanced: true,
        PossibleDuplicates: new Findings<PossibleDuplicate>(1, [new PossibleDuplicate(Studio, "+447700900123", [Guid.Empty, Studio])]),
        OrgConflicts: 4,
        CounterDisagreements: Findings<CounterDisagreement>.None,
        UsageDifferences: new Findings<UsageDifference>(usage.Count, usage),
        CapacityDisagreements: new Findings<CapacityDisagreement>(1, [new CapacityDisagreement(Studio, null, 10)]),
        PackClamps: new Findings<PackClamp>(1, [new PackClamp(Studio, -2, 12, 0, 10)]),
        ShortenedValues: new Findings<ShortenedValue>(1, [new ShortenedValue("customer_notes", "content", Studio, 5000, 4000)]),
        OverbookedSessions: new Findings<OverbookedSession>(1, [new OverbookedSession(Studio, 10, 12)]),
        BookingsOnCancelledSessions: new Findings<BookingOnCancelledSession>(1, [new BookingOnCancelledSession(Studio, Guid.Empty, "confirmed", true)]),
        WaitlistsBesideFreeSeats: new Findings<WaitlistBesideFreeSeats>(1, [new WaitlistBesideFreeSeats(Studio, 10, 3, 2)]),
        LostLeads: 2,
        NamelessCustomers: 1,
        Customers: [new OrganizationCustomers(Studio, "Northside Yoga — Café", 3, new Dictionary<string, long> { ["lead"] = 3 })]);

    private static async Task<(string Json, ConsolidationReport Held)> StreamAsync(ConsolidationReport report)
    {
        var head = report with
        {
            PossibleDuplicates = Findings<PossibleDuplicate>.None,
            CounterDisagreements = Findings<CounterDisagreement>.None,
            UsageDifferences = Findings<UsageDifference>.None,
            CapacityDisagreements = Findings<CapacityDisagreement>.None,
            PackClamps = Findings<PackClamp>.None,
            ShortenedValues = Findings<ShortenedValue>.None,
            OverbookedSessions = Findings<OverbookedSession>.None,
            BookingsOnCancelledSessions = Findings<BookingOnCancelledSession>.None,
            WaitlistsBesideFreeSeats = Findings<WaitlistBesideFreeSeats>.None,
        };
        using var stream = new MemoryStream();
        var held = await head.WriteJsonAsync(stream, new ReportFindings(
            report.PossibleDuplicates.ToAsyncEnumerable(), report.CounterDisagreements.ToAsyncEnumerable(),
            report.UsageDifferences.ToAsyncEnumerable(), report.CapacityDisagreements.ToAsyncEnumerable(),
            report.PackClamps.ToAsyncEnumerable(), report.ShortenedValues.ToAsyncEnumerable(),
            report.OverbookedSessions.ToAsyncEnumerable(), report.BookingsOnCancelledSessions.ToAsyncEnumerable(),
            report.WaitlistsBesideFreeSeats.ToAsyncEnumerable()), CancellationToken.None);
        return (Encoding.UTF8.GetString(stream.ToArray()), held);
    }

    [Fact]
    public async Task StreamedJson_IsTheReportsSerialisation()
    {
        var report = Report(Differences(5));

        var (json, held) = await StreamAsync(report);

        json.Should().Be(report.ToJson());
        held.ToJson().Should().Be(report.ToJson());
    }

    [Fact]
    public async Task StreamedJson_HasEveryFinding_WhileTheReportHoldsTheFirst()
    {
        var report = Report(Differences(Findings.Held + 500));

        var (json, held) = await StreamAsync(report);

        json.Should().Be(report.ToJson());
        held.UsageDifferences.Count.Should().Be(Findings.Held + 500);
        held.UsageDifferences.Should().Equal(report.UsageDifferences.Take(Findings.Held));
        held.UsageDifferences.Complete.Should().BeFalse();
        held.ToText().Should().Contain($"Usage differences (classes_used_this_period vs migrated bookings in the period containing the cutover): {Findings.Held + 500}")
            .And.Contain("... and 1480 more in the JSON report");
        held.Invoking(r => r.ToJson()).Should().Throw<InvalidOperationException>("a JSON report is never cut short");
    }

    [Fact]
    public void ReadingAStoredReport_CountsEveryFinding_AndHoldsTheFirst()
    {
        var json = Report(Differences(Findings.Held + 1)).ToJson();

        var read = ConsolidationReport.FromJson(json);

        read.UsageDifferences.Count.Should().Be(Findings.Held + 1);
        read.UsageDifferences.Held.Should().HaveCount(Findings.Held);
        read.PackClamps.Should().Equal(new PackClamp(Studio, -2, 12, 0, 10));
        read.ShortenedValues.Should().Equal(new ShortenedValue("customer_notes", "content", Studio, 5000, 4000));
        read.OverbookedSessions.Should().Equal(new OverbookedSession(Studio, 10, 12));
        read.BookingsOnCancelledSessions.Should().Equal(new BookingOnCancelledSession(Studio, Guid.Empty, "confirmed", true));
        read.WaitlistsBesideFreeSeats.Should().Equal(new WaitlistBesideFreeSeats(Studio, 10, 3, 2));
    }
}
