using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Idempotency;

public sealed class IdempotencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task SameKeyAndBody_ReplaysTheFirstStatusAndBody_AndBooksOnce()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var customer = await studio.CustomerAsync();
        var body = new { customerId = customer, sessionId = session };

        var first = await studio.PostAsync("/api/v1/bookings", body, "key-1");
        var second = await studio.PostAsync("/api/v1/bookings", body, "key-1");

        await first.ShouldBe(HttpStatusCode.Created);
        await second.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        first.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        second.Headers.Location.Should().Be(first.Headers.Location);
        await using var db = api.Database.CreateDbContext();
        (await db.Bookings.CountAsync(b => b.CustomerId == customer)).Should().Be(1);
        (await db.Bookings.SingleAsync(b => b.CustomerId == customer)).IdempotencyKey.Should().Be("key-1", "the key also reaches BookClass");
    }

    [Fact]
    public async Task SameKey_AnotherBody_Is422KeyReused()
    {
        var studio = await api.StudioAsync();
        await studio.PostAsync("/api/v1/customers", new { firstName = "Ann", lastName = "A" }, "key-2");

        var reused = await studio.PostAsync("/api/v1/customers", new { firstName = "Bea", lastName = "B" }, "key-2");

        await reused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
    }

    [Fact]
    public async Task ErrorsAreReplayedToo_ButKeysAreScopedPerOrganization()
    {
        var studio = await api.StudioAsync();
        var other = await api.StudioAsync();
        var body = new { customerId = Guid.NewGuid(), sessionId = Guid.NewGuid() };

        var first = await studio.PostAsync("/api/v1/bookings", body, "shared-key");
        var replay = await studio.PostAsync("/api/v1/bookings", body, "shared-key");
        var elsewhere = await other.PostAsync("/api/v1/customers", new { firstName = "Cat", lastName = "C" }, "shared-key");

        await first.ShouldBeProblem(HttpStatusCode.NotFound, "customer.not_found");
        await replay.ShouldBeProblem(HttpStatusCode.NotFound, "customer.not_found");
        replay.Headers.Contains("Idempotent-Replayed").Should().BeTrue();
        await elsewhere.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ConcurrentDuplicates_WaitForTheFirst_AndAllGetItsAnswer()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var customer = await studio.CustomerAsync();
        var body = new { customerId = customer, sessionId = session };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => studio.PostAsync("/api/v1/bookings", body, "parallel-key")));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        bodies.Distinct().Should().ContainSingle();
        responses.Count(r => r.Headers.Contains("Idempotent-Replayed")).Should().Be(9);
        await using var db = api.Database.CreateDbContext();
        (await db.Bookings.CountAsync(b => b.CustomerId == customer)).Should().Be(1);
    }

    [Fact]
    public async Task KeysAreKept24Hours()
    {
        var studio = await api.StudioAsync();
        await studio.PostAsync("/api/v1/class-types", new { name = "Yoga", defaultCapacity = 10, defaultDurationMinutes = 60 }, "day-key");

        api.Clock.Advance(TimeSpan.FromHours(23));
        var withinADay = await studio.PostAsync("/api/v1/class-types", new { name = "Other", defaultCapacity = 10, defaultDurationMinutes = 60 }, "day-key");
        api.Clock.Advance(TimeSpan.FromHours(2));
        var afterADay = await studio.PostAsync("/api/v1/class-types", new { name = "Other", defaultCapacity = 10, defaultDurationMinutes = 60 }, "day-key");

        await withinADay.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        await afterADay.ShouldBe(HttpStatusCode.Created);
    }

    // Each answer's statement also deletes the organization's expired keys. It waited for one another request held
    // (taking that key over), and two such requests, each holding the key the other deleted, deadlocked into a 500.
    [Fact]
    public async Task AnExpiredKeyAnotherRequestHolds_IsLeftToIt_AndTheAnswerDoesNotWait()
    {
        var studio = await api.StudioAsync();
        await (await studio.PostAsync("/api/v1/customers", new { firstName = "Old", lastName = "Key" }, "expired-key")).ShouldBe(HttpStatusCode.Created);
        await using var owner = new NpgsqlConnection(api.Database.ConnectionString);
        await owner.OpenAsync();
        await using (var age = new NpgsqlCommand($"UPDATE idempotency_records SET created_at = created_at - interval '25 hours' WHERE organization_id = '{studio.Id}'", owner))
            await age.ExecuteNonQueryAsync();
        await using var holding = await owner.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT 1 FROM idempotency_records WHERE organization_id = '{studio.Id}' FOR UPDATE", owner, holding))
            await hold.ExecuteNonQueryAsync();

        var answer = studio.PostAsync("/api/v1/customers", new { firstName = "New", lastName = "Key" }, "new-key");
        var first = await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(10)));

        first.Should().BeSameAs(answer, "the expired key another transaction holds is not waited for");
        await (await answer).ShouldBe(HttpStatusCode.Created);
        await holding.RollbackAsync();
    }

    [Fact]
    public async Task AnInvalidKey_Is400()
    {
        var studio = await api.StudioAsync();

        var response = await studio.PostAsync("/api/v1/customers", new { firstName = "Dan", lastName = "D" }, new string('k', 101));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "idempotency.key_invalid");
    }
}
