using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Tool.Seeding;

namespace UnifiedCustomers.Application.Tests.Seeding;

/// <summary>./run.sh tops the demo timetable up on every start: the coming four weeks always have classes.</summary>
public sealed class DemoTimetableTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task TopUp_AfterWeeksWithoutAStart_FillsTheComingFourWeeks_AndIsIdempotent()
    {
        (await DemoSeed.TopUpAsync(backend.ConnectionString, backend.Clock)).Should().Be(0, "nothing to top up before the demo is seeded");
        await DemoSeed.RunAsync(backend.ConnectionString, backend.Clock, output: TextWriter.Null);
        (await DemoSeed.TopUpAsync(backend.ConnectionString, backend.Clock)).Should().Be(0, "a fresh seed already reaches four weeks ahead");

        backend.Clock.Advance(TimeSpan.FromDays(17));
        var added = await DemoSeed.TopUpAsync(backend.ConnectionString, backend.Clock);

        added.Should().Be(17 * 4);
        (await DemoSeed.TopUpAsync(backend.ConnectionString, backend.Clock)).Should().Be(0);
        var now = backend.Clock.GetUtcNow();
        var perDay = await backend.WithDbAsync(db => db.ClassSessions
            .Where(s => s.OrganizationId == DemoSeed.OrganizationId && s.StartsAt >= now.AddDays(1) && s.StartsAt < now.AddDays(DemoSeed.DaysAhead - 1))
            .CountAsync());
        perDay.Should().Be((DemoSeed.DaysAhead - 2) * 4);
        (await backend.WithDbAsync(db => db.ClassSessions.GroupBy(s => new { s.ClassTypeId, s.StartsAt }).CountAsync(g => g.Count() > 1))).Should().Be(0);
    }
}
