using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Tests.Bookings;

/// <summary>The API with its database connections through a <see cref="PostgresWireCounter"/>.</summary>
public sealed class CountedApiFactory : ApiFactory
{
    private PostgresWireCounter? _counter;

    public PostgresWireCounter Counter => _counter ?? throw new InvalidOperationException("Not initialized.");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var proxied = new NpgsqlConnectionStringBuilder(Database.ConnectionString)
            {
                Host = "127.0.0.1", Port = Counter.Port, Username = DatabaseRoles.App, SslMode = SslMode.Disable, GssEncryptionMode = GssEncryptionMode.Disable,
            };
            return new Dictionary<string, string?>(base.Settings) { ["ConnectionStrings:App"] = proxied.ConnectionString };
        }
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var direct = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        _counter = new PostgresWireCounter(direct.Host!, direct.Port);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_counter is not null) await _counter.DisposeAsync();
    }
}

/// <summary>
/// How many times a booking goes to the database and back, counted on the wire from authentication
/// to commit, warm (pools open, statements prepared, the API key recognised). Budgets: a booking 6
/// round trips and 10 statements (12 with an Idempotency-Key: 8 round trips); a cancellation that
/// promotes the first of the waitlist 7 round trips and 20 statements (two of them the outbox rows of the
/// cancellation and the promotion, in the same batch).
/// </summary>
public sealed class BookingRoundTripTests(CountedApiFactory api, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CountedApiFactory>
{
    [Fact]
    public async Task BookingOneClass_Warm_TakesAtMost6RoundTripsAnd10Statements()
    {
        var (studio, customers, sessions) = await ArrangeAsync(3);
        await BookAsync(studio, customers[0], sessions[0]);
        await BookAsync(studio, customers[1], sessions[1]);

        var misses = QueryCompilations();
        api.Counter.Start();
        await BookAsync(studio, customers[2], sessions[2]);
        api.Counter.Stop();
        output.WriteLine($"query compilations: {QueryCompilations() - misses} (of {QueryCompilations()} in all)");
        output.WriteLine(api.Counter.Describe());

        api.Counter.RoundTrips.Should().BeInRange(1, 6, api.Counter.Describe());
        api.Counter.Statements.Should().BeLessThanOrEqualTo(10, api.Counter.Describe());
        await ShouldBeBookedAsync(customers[2], sessions[2]);
    }

    [Fact]
    public async Task BookingOneClassWithAnIdempotencyKey_Warm_TakesAtMost8RoundTripsAnd12Statements()
    {
        var (studio, customers, sessions) = await ArrangeAsync(3);
        await BookAsync(studio, customers[0], sessions[0], "warm-1");
        await BookAsync(studio, customers[1], sessions[1], "warm-2");

        api.Counter.Start();
        await BookAsync(studio, customers[2], sessions[2], "counted");
        api.Counter.Stop();
        output.WriteLine(api.Counter.Describe());

        api.Counter.RoundTrips.Should().BeInRange(1, 8, api.Counter.Describe());
        api.Counter.Statements.Should().BeLessThanOrEqualTo(12, api.Counter.Describe());
        await ShouldBeBookedAsync(customers[2], sessions[2]);
    }

    [Fact]
    public async Task CancellingWithAWaitlistPromotion_Warm_TakesAtMost7RoundTripsAnd20Statements()
    {
        var (studio, customers, sessions) = await ArrangeAsync(6, capacity: 1);
        // Warm-up: the same path once on other sessions.
        var warm = await BookAsync(studio, customers[0], sessions[0]);
        await BookAsync(studio, customers[1], sessions[0], waitlist: true);
        await CancelAsync(studio, warm);
        var warm2 = await BookAsync(studio, customers[2], sessions[1]);
        await BookAsync(studio, customers[3], sessions[1], waitlist: true);
        await CancelAsync(studio, warm2);
        var seated = await BookAsync(studio, customers[4], sessions[2]);
        await BookAsync(studio, customers[5], sessions[2], waitlist: true);

        api.Counter.Start();
        await CancelAsync(studio, seated);
        api.Counter.Stop();
        output.WriteLine(api.Counter.Describe());

        api.Counter.RoundTrips.Should().BeInRange(1, 7, api.Counter.Describe());
        api.Counter.Statements.Should().BeLessThanOrEqualTo(20, api.Counter.Describe());
        await using var db = api.Database.CreateDbContext();
        (await db.Bookings.SingleAsync(b => b.CustomerId == customers[5])).Status.Should().Be(BookingStatus.Confirmed, "the first of the waitlist moved up");
    }

    private async Task<(TestStudio Studio, Guid[] Customers, Guid[] Sessions)> ArrangeAsync(int count, int capacity = 12)
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();
        var customers = new Guid[count];
        var sessions = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            customers[i] = await studio.CustomerAsync("Amy" + i, "Archer");
            await studio.PackAsync(customers[i], credits: 10);
            sessions[i] = await studio.SessionAsync(classType, TimeSpan.FromDays(2) + TimeSpan.FromHours(i), capacity);
        }
        return (studio, customers, sessions);
    }

    private static async Task<Guid> BookAsync(TestStudio studio, Guid customer, Guid session, string? key = null, bool waitlist = false)
    {
        var response = await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session, joinWaitlistIfFull = waitlist }, key);
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).Id();
    }

    private static async Task CancelAsync(TestStudio studio, Guid booking) =>
        await (await studio.PostAsync($"/api/v1/bookings/{booking}/cancel", new { })).ShouldBe(HttpStatusCode.OK);

    private async Task ShouldBeBookedAsync(Guid customer, Guid session)
    {
        await using var db = api.Database.CreateDbContext();
        var booking = await db.Bookings.SingleAsync(b => b.CustomerId == customer && b.SessionId == session);
        booking.Status.Should().Be(BookingStatus.Confirmed);
        (await db.CreditLedger.CountAsync(e => e.BookingId == booking.Id)).Should().Be(1);
        (await db.ClassPacks.SingleAsync(p => p.CustomerId == customer)).CreditsRemaining.Should().Be(9);
    }

    /// <summary>EF Core's compiled query cache misses so far, in this process.</summary>
    private static long QueryCompilations()
    {
        long misses = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Microsoft.EntityFrameworkCore" && instrument.Name.EndsWith("compiled_query_cache_misses", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => misses += value);
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => misses += value);
        listener.Start();
        listener.RecordObservableInstruments();
        return misses;
    }
}
