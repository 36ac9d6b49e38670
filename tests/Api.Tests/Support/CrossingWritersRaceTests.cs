using System.Net;
using System.Net.Http.Json;
using Npgsql;
using UnifiedCustomers.Api.Tests.Events;

namespace UnifiedCustomers.Api.Tests.Support;

/// <summary>
/// Races over HTTP ordered deterministically, as LockOrderRaceTests does in Application.Tests: a plain
/// transaction on the owner's connection holds a row lock, the requests under test are started in turn
/// and each is seen waiting behind that holder (pg_blocking_pids), then the holder commits.
/// </summary>
public sealed class CrossingWritersRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed class Holder(NpgsqlConnection connection) : IAsyncDisposable
    {
        public NpgsqlConnection Connection { get; } = connection;
        public int Pid => Connection.ProcessID;

        public async Task CommitAsync()
        {
            await using (var commit = new NpgsqlCommand("COMMIT", Connection)) await commit.ExecuteNonQueryAsync();
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private async Task<Holder> HoldAsync(string table, Guid id)
    {
        var connection = new NpgsqlConnection(api.OwnerConnectionString);
        await connection.OpenAsync();
        await using (var begin = new NpgsqlCommand("BEGIN", connection)) await begin.ExecuteNonQueryAsync();
        await using (var hold = new NpgsqlCommand($"SELECT 1 FROM {table} WHERE id = '{id}' FOR UPDATE", connection))
            (await hold.ExecuteScalarAsync()).Should().NotBeNull($"{table} {id} exists");
        return new Holder(connection);
    }

    /// <summary>Waits until this many backends wait for a lock the holder's transaction holds (directly or in its queue).</summary>
    private async Task BlockedByAsync(Holder holder, int count, Task? watched = null)
    {
        for (var i = 0; i < 400; i++)
        {
            if (watched is { IsCompleted: true }) await watched; // surfaces an early failure
            await using var connection = new NpgsqlConnection(api.OwnerConnectionString);
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND $1 = ANY(pg_blocking_pids(pid) || (SELECT array_agg(b) FROM unnest(pg_blocking_pids(pid)) p, unnest(pg_blocking_pids(p)) b))",
                connection) { Parameters = { new() { Value = holder.Pid } } };
            if ((long)(await query.ExecuteScalarAsync())! >= count) return;
            await Task.Delay(25);
        }
        throw new TimeoutException($"never saw {count} requests waiting behind the holder");
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var connection = new NpgsqlConnection(api.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var arg in args) command.Parameters.Add(new NpgsqlParameter { Value = arg });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> Describe(HttpResponseMessage response) => $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";

    private async Task<(TestStudio Studio, Guid Subscription)> SubscriptionAsync()
    {
        var studio = await api.StudioAsync();
        var created = await studio.CreatedAsync("/api/v1/webhook-subscriptions", new { url = $"http://127.0.0.1:9/{studio.Slug}" });
        return (studio, created.GetProperty("subscription").Id());
    }

    // ---------------------------------------------------------------------------------------------
    // Webhook subscriptions: the delete locks the row (the recent change), the other writers do not.
    // ---------------------------------------------------------------------------------------------

    // PATCH read the subscription, then its UPDATE waited for the delete and matched no row: DbUpdateConcurrencyException, a 500.
    [Fact]
    public async Task PatchSubscription_RacingItsDelete_IsNotFoundNot500()
    {
        var (studio, subscription) = await SubscriptionAsync();
        await using var holder = await HoldAsync("webhook_subscriptions", subscription);
        var delete = Task.Run(() => studio.SendAsync(HttpMethod.Delete, $"/api/v1/webhook-subscriptions/{subscription}", null));
        await BlockedByAsync(holder, 1, delete);
        var patch = Task.Run(() => studio.PatchAsync($"/api/v1/webhook-subscriptions/{subscription}", new { description = "renamed" }));
        await BlockedByAsync(holder, 2, patch);
        await holder.CommitAsync();

        var (deleted, patched) = (await delete, await patch);
        await deleted.ShouldBe(HttpStatusCode.NoContent);
        patched.StatusCode.Should().Be(HttpStatusCode.NotFound, await Describe(patched)); // Before the fix: 500 server.error
    }

    // The same for a rotation of the secret.
    [Fact]
    public async Task RotateSecret_RacingItsDelete_IsNotFoundNot500()
    {
        var (studio, subscription) = await SubscriptionAsync();
        await using var holder = await HoldAsync("webhook_subscriptions", subscription);
        var delete = Task.Run(() => studio.SendAsync(HttpMethod.Delete, $"/api/v1/webhook-subscriptions/{subscription}", null));
        await BlockedByAsync(holder, 1, delete);
        var rotate = Task.Run(() => studio.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/rotate-secret", null));
        await BlockedByAsync(holder, 2, rotate);
        await holder.CommitAsync();

        var (deleted, rotated) = (await delete, await rotate);
        await deleted.ShouldBe(HttpStatusCode.NoContent);
        rotated.StatusCode.Should().Be(HttpStatusCode.NotFound, await Describe(rotated)); // Before the fix: 500 server.error
    }

    // A redelivery read the delivery, then its UPDATE waited for the delete (which removes the subscription's deliveries).
    [Fact]
    public async Task Redeliver_RacingTheSubscriptionsDelete_IsNotFoundNot500()
    {
        var (studio, subscription) = await SubscriptionAsync();
        await studio.CustomerAsync("Rae", "Redeliver"); // one event, one delivery
        await api.PublishAsync();
        var delivery = await ScalarAsync<Guid>("SELECT id FROM webhook_deliveries WHERE subscription_id = $1 LIMIT 1", subscription);
        // It gave up (as after its retry period): a redelivery changes it.
        await ScalarAsync<Guid>("UPDATE webhook_deliveries SET status = 'failed' WHERE id = $1 RETURNING id", delivery);

        await using var holder = await HoldAsync("webhook_deliveries", delivery);
        var delete = Task.Run(() => studio.SendAsync(HttpMethod.Delete, $"/api/v1/webhook-subscriptions/{subscription}", null));
        await BlockedByAsync(holder, 1, delete);
        var redeliver = Task.Run(() => studio.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/deliveries/{delivery}/redeliver", null));
        await BlockedByAsync(holder, 2, redeliver);
        await holder.CommitAsync();

        var (deleted, redelivered) = (await delete, await redeliver);
        await deleted.ShouldBe(HttpStatusCode.NoContent);
        redelivered.StatusCode.Should().Be(HttpStatusCode.NotFound, await Describe(redelivered)); // Before the fix: 500 server.error
    }

    // Two rotations at once: both read the same secret, the second writes it as "previous" over the first's new one.
    // The first caller was shown a secret that never signs anything (neither current nor previous).
    [Fact]
    public async Task TwoRotations_BothSecretsReturnedStillSign()
    {
        var (studio, subscription) = await SubscriptionAsync();
        await using var holder = await HoldAsync("webhook_subscriptions", subscription);
        var first = Task.Run(() => studio.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/rotate-secret", null));
        await BlockedByAsync(holder, 1, first);
        var second = Task.Run(() => studio.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/rotate-secret", null));
        await BlockedByAsync(holder, 2, second);
        await holder.CommitAsync();

        var (a, b) = (await first, await second);
        await a.ShouldBe(HttpStatusCode.OK);
        await b.ShouldBe(HttpStatusCode.OK);
        var shown = new[] { (await a.JsonAsync()).Str("secret"), (await b.JsonAsync()).Str("secret") };
        var stored = await ScalarAsync<string>("SELECT secret || ' ' || coalesce(previous_secret, '') FROM webhook_subscriptions WHERE id = $1", subscription);
        // Before the fix: the first caller's secret is neither (previous_secret is the one from before both rotations).
        stored.Split(' ').Should().Contain(shown, "each caller was told the secret it got signs (the latest now, the other for 24 hours)");
    }

    // ---------------------------------------------------------------------------------------------
    // Erase vs the website widget.
    // ---------------------------------------------------------------------------------------------

    // The widget found the customer by email before the erase committed, then wrote its note on them (with the
    // name typed) after the erase had deleted the person's notes: an erased customer keeps a note naming them.
    [Fact]
    public async Task WidgetBooking_RacingTheErasureOfTheEmailsCustomer_LeavesNoNoteOnTheErasedCustomer()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(2));
        var grace = await studio.CustomerAsync("Grace", "Hopper", "grace@erase-race.test");

        await using var holder = await HoldAsync("customers", grace);
        var erase = Task.Run(() => studio.PostAsync($"/api/v1/customers/{grace}/erase", null));
        await BlockedByAsync(holder, 1, erase);
        var widget = Task.Run(() => api.CreateClient().PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings",
            new { sessionId = session, name = "Grace Hopper", email = "grace@erase-race.test" }));
        await BlockedByAsync(holder, 2, widget);
        await holder.CommitAsync();

        await (await erase).ShouldBe(HttpStatusCode.OK);
        var booked = await widget;
        booked.IsSuccessStatusCode.Should().BeTrue(await Describe(booked));
        var notes = await ScalarAsync<string>("SELECT coalesce(string_agg(content, ' | '), '') FROM customer_notes WHERE customer_id = $1", grace);
        // Before the fix: "Booked from the website widget with this customer's email ... Name given: "Grace Hopper". ..."
        notes.Should().BeEmpty("an erased customer keeps no notes (docs/adr/0021)");
    }

    // ---------------------------------------------------------------------------------------------
    // The daily recompute vs a merge, then a cancellation.
    // ---------------------------------------------------------------------------------------------

    // The run locks the owners of ended memberships it read, then reads the memberships: one a merge moved to the
    // survivor meanwhile is read without its (new) owner's lock, so a cancellation of it commits while the run goes
    // on, and the run then writes Expired over Cancelled.
    [Fact]
    public async Task Recompute_RacingAMergeThenACancellation_NeverOverwritesTheCancellation()
    {
        var studio = await api.StudioAsync();
        var plan = (await studio.CreatedAsync("/api/v1/membership-plans", new { name = "Monthly", allowancePeriod = "unlimited" })).Id();
        var ended = new { planId = plan, startDate = "2026-04-01", endDate = "2026-05-20" };
        var p = await studio.CustomerAsync("Pia", "Past");
        var q = await studio.CustomerAsync("Quinn", "Past");
        var mp = (await studio.CreatedAsync($"/api/v1/customers/{p}/memberships", ended)).Id();
        var mq = (await studio.CreatedAsync($"/api/v1/customers/{q}/memberships", ended)).Id();
        // The run locks owners in id order: it waits at the first while the other is merged away.
        var firstOwner = await ScalarAsync<Guid>("SELECT id FROM customers WHERE id = ANY($1) ORDER BY id LIMIT 1", new[] { p, q });
        var (moved, movedMembership) = firstOwner == p ? (q, mq) : (p, mp);
        var survivor = await studio.CustomerAsync("Sam", "Survivor");
        // Somebody whose status the run changes: the run locks them after it has read the ended memberships.
        var zed = await studio.CustomerAsync("Zed", "Stale");
        await studio.PackAsync(zed);
        await ScalarAsync<int>("WITH u AS (UPDATE customers SET lifecycle_status = 'lapsed' WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM u", zed);

        await using var atOwner = await HoldAsync("customers", firstOwner);
        await using var atZed = await HoldAsync("customers", zed);
        var recompute = Task.Run(() => studio.PostAsync("/api/v1/customers/recompute-lifecycles", null));
        await BlockedByAsync(atOwner, 1, recompute);
        await (await studio.PostAsync($"/api/v1/customers/{survivor}/merge", new { mergedId = moved })).ShouldBe(HttpStatusCode.OK);
        await atOwner.CommitAsync();
        await BlockedByAsync(atZed, 1, recompute); // the run has read the ended memberships, the moved one included
        var cancel = Task.Run(() => studio.PostAsync($"/api/v1/memberships/{movedMembership}/cancel", null));
        await Task.WhenAny(cancel, Task.Delay(TimeSpan.FromSeconds(10))); // it does not wait for the run (nothing of theirs is locked)
        var cancelledWhileTheRunWaited = cancel.IsCompleted;
        await atZed.CommitAsync();
        var cancelled = await cancel;

        await (await recompute).ShouldBe(HttpStatusCode.OK);
        await cancelled.ShouldBe(HttpStatusCode.OK);
        var status = await ScalarAsync<string>("SELECT status FROM memberships WHERE id = $1", movedMembership);
        status.Should().Be("cancelled", $"the cancellation answered 200 and the run must not write over it (stored: {status}; cancelled while the run waited: {cancelledWhileTheRunWaited})"); // Before the fix: expired
    }

    // ---------------------------------------------------------------------------------------------
    // Two merges crossing: C into A while A into B.
    // ---------------------------------------------------------------------------------------------

    // Both answer 200 when C into A commits first: C stays merged into A (merged_into_id is never re-pointed), so
    // erasing B, the one survivor, erases A but not C, and C cannot be erased itself (customer.merged): the person's
    // name and phone stay for good.
    [Fact]
    public async Task MergesCrossing_CIntoAWhileAIntoB_ErasingTheSurvivorErasesEveryone()
    {
        var studio = await api.StudioAsync();
        var a = await studio.CustomerAsync("Cleo", "Chain", "cleo.a@chain.test");
        var b = await studio.CustomerAsync("Cleo", "Chain", "cleo.b@chain.test");
        var c = (await studio.CreatedAsync("/api/v1/customers", new { firstName = "Cleo", lastName = "Chain", phone = "+447700900555" })).Id();

        await using var holder = await HoldAsync("customers", a);
        var cIntoA = Task.Run(() => studio.PostAsync($"/api/v1/customers/{a}/merge", new { mergedId = c }));
        await BlockedByAsync(holder, 1, cIntoA);
        var aIntoB = Task.Run(() => studio.PostAsync($"/api/v1/customers/{b}/merge", new { mergedId = a }));
        await BlockedByAsync(holder, 2, aIntoB);
        await holder.CommitAsync();
        await (await cIntoA).ShouldBe(HttpStatusCode.OK);
        await (await aIntoB).ShouldBe(HttpStatusCode.OK);

        await (await studio.PostAsync($"/api/v1/customers/{b}/erase", null)).ShouldBe(HttpStatusCode.OK);
        var left = await ScalarAsync<long>(
            "SELECT count(*) FROM customers WHERE id = ANY($1) AND (erased_at IS NULL OR phone IS NOT NULL OR first_name = 'Cleo')",
            new[] { a, b, c });
        // Before: C (merged into A, which was merged into B) kept "Cleo +447700900555", and erasing C answered 422 customer.merged.
        left.Should().Be(0, "the survivor's erasure erases every duplicate merged into it, directly or through another");
    }
}
