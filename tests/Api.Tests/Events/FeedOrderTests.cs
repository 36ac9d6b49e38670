using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>The feed's promise: reading on from the last cursor never misses an event, whatever order transactions commit in.</summary>
public sealed class FeedOrderTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ATransactionThatStartedFirstButCommitsLast_IsNotSkippedByAReaderWhoReadInBetween()
    {
        var studio = await api.StudioAsync();
        var gate = new TaskCompletionSource();
        var written = new TaskCompletionSource();

        // The slow command writes its event first (so it holds the older transaction id), then waits before committing.
        var slow = Task.Run(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await unitOfWork.RunAsync(studio.Id, async ct =>
            {
                var customer = Customer.Register(studio.Id, "Slow", "Coach", null, null, null, api.Clock.GetUtcNow()).Value;
                db.Customers.Add(customer);
                await db.SaveChangesAsync(ct);
                written.SetResult();
                await gate.Task;
                return customer.Id;
            }, _ => true, CancellationToken.None);
        });
        await written.Task;
        (await TransactionIdsAsync(studio.Id)).Should().BeEmpty("the slow transaction's event is written but not committed");

        var fast = new List<Guid>();
        for (var i = 0; i < 3; i++) fast.Add(await studio.CustomerAsync("Fast", $"Runner {i}"));
        await api.PublishAsync();
        var (firstRead, cursor) = await studio.ReadAllAsync();
        firstRead.Select(Subject).Should().Equal(fast);

        gate.SetResult();
        var slowId = await slow;
        await api.PublishAsync();
        var (secondRead, _) = await studio.ReadAllAsync(cursor);

        // Ordering by transaction id would have put the slow event first, behind the reader's cursor: lost. Numbered after commit, it comes next.
        secondRead.Select(Subject).Should().Equal(slowId);
        var order = await TransactionIdsAsync(studio.Id);
        order.Should().HaveCount(4);
        order.OrderBy(o => o.Position).First().TransactionId.Should().NotBe(order.Min(o => o.TransactionId), "the oldest transaction committed last");
    }

    [Fact]
    public async Task ConcurrentWriters_AndAPollerReadingAllTheWhile_ThePollerSeesEveryEventOnce_InPositionOrder()
    {
        var studio = await api.StudioAsync();
        using var stop = new CancellationTokenSource();
        var seen = new List<JsonElement>();
        var poller = Task.Run(async () =>
        {
            var cursor = "";
            while (true)
            {
                var done = stop.IsCancellationRequested;
                await api.PublishAsync();
                var (events, next) = await studio.ReadAllAsync(cursor, limit: 7);
                seen.AddRange(events);
                cursor = next;
                if (done) return;
            }
        });
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++) await studio.CustomerAsync("Writer", $"{w}-{i}");
        })).ToList();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await poller;

        seen.Should().HaveCount(60);
        seen.Select(e => e.Id()).Should().OnlyHaveUniqueItems();
        var positions = (await TransactionIdsAsync(studio.Id)).ToDictionary(o => o.Id, o => o.Position);
        seen.Select(e => positions[e.Id()]).Should().BeInAscendingOrder();
    }

    private static Guid Subject(JsonElement ev) => ev.GetProperty("data").Id();

    private async Task<List<(Guid Id, long TransactionId, long? Position)>> TransactionIdsAsync(Guid organizationId)
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, transaction_id, position FROM events WHERE type = 'customer.created' AND organization_id = $1 ORDER BY id", connection)
        {
            Parameters = { new() { Value = organizationId } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(Guid, long, long?)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetGuid(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        return rows;
    }
}
