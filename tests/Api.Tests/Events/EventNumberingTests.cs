using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Application.Events.PruneEvents;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>
/// Feed positions are numbered per studio. From one sequence for every studio, a studio's cursor moved
/// by the other studios' events too: writing one event of its own now and then, a studio could count a
/// competitor's bookings. (Its own fixture: the retention test moves the clock a month.)
/// </summary>
public sealed class EventNumberingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AStudiosCursor_MovesOnlyWithItsOwnEvents()
    {
        var mine = await api.StudioAsync();
        var competitor = await api.StudioAsync();
        await mine.CustomerAsync("First", "Mine");
        await api.PublishAsync();
        var (_, before) = await mine.ReadAllAsync();

        for (var i = 0; i < 7; i++) await competitor.CustomerAsync("Rival" + i, "Customer");
        await api.PublishAsync();
        await mine.CustomerAsync("Second", "Mine");
        await api.PublishAsync();
        var (events, after) = await mine.ReadAllAsync(before);

        events.Should().ContainSingle();
        (Position(after) - Position(before)).Should().Be(1);
    }

    // A studio's next number follows its last one, kept apart from its events: numbered from its largest event, a
    // studio whose events retention had all pruned started again at 1, behind its readers' cursors.
    [Fact]
    public async Task AfterRetentionPrunedEveryEventOfAStudio_ItsNextPositionFollowsEveryCursor()
    {
        var studio = await api.StudioAsync();
        await studio.CustomerAsync("Ann", "One");
        await studio.CustomerAsync("Ben", "Two");
        await api.PublishAsync();
        var (_, cursor) = await studio.ReadAllAsync();
        api.Clock.Advance(TimeSpan.FromDays(31));

        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<EventRetention>().PruneAsync(CancellationToken.None);
        var (left, _) = await studio.ReadAllAsync();
        var next = await studio.CustomerAsync("Cai", "Three");
        await api.PublishAsync();

        left.Should().BeEmpty();
        var (after, _) = await studio.ReadAllAsync(cursor);
        after.Select(e => e.GetProperty("data").Id()).Should().Equal(next);
    }

    private static long Position(string cursor) => long.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
}
