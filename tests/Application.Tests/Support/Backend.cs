using Mediator;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Infrastructure;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Application.Tests.Support;

/// <summary>
/// The real pipeline (mediator, behaviors, EF, PostgreSQL) over a database of the test class's own,
/// with a clock the test moves.
/// </summary>
public sealed class Backend : TestDatabase
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private ServiceProvider? _services;

    public TestClock Clock { get; } = new(Start);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBackend(ConnectionString);
        services.AddSingleton<TimeProvider>(Clock);
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public override async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var db = CreateDbContext();
        return await work(db);
    }
}

/// <summary>A clock the test sets, forwards or back (a test class shares one; each test sets what it needs).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void SetUtcNow(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;
}
