using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UnifiedCustomers.Application.Common.Telemetry;
using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Infrastructure.Telemetry;

/// <summary>
/// Counts bookings made and waitlist promotions from what a save writes, once its transaction
/// commits: every booking path (one class, a batch, a recurring pattern, a standing booking, the
/// public widget, a promotion after a cancellation) goes through SaveChanges, and a transaction
/// that rolls back or is retried counts nothing.
/// </summary>
internal sealed class CommittedBookingMetrics : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly CommittedBookingMetrics Instance = new();

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    private sealed class Pending
    {
        public readonly List<(string Status, string PaymentMethod)> Bookings = [];
        public int Promotions;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var pending = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries<Booking>())
        {
            if (entry.State == EntityState.Added)
                pending.Bookings.Add((Name(entry.Entity.Status), Name(entry.Entity.PaymentMethod)));
            else if (entry.State == EntityState.Modified
                     && entry.Property(b => b.Status).OriginalValue == BookingStatus.Waitlisted && entry.Entity.Status == BookingStatus.Confirmed)
                pending.Promotions++;
        }
    }

    private void Publish(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        _pending.Remove(context);
        foreach (var (status, method) in pending.Bookings)
        {
            AppTelemetry.Bookings.Add(1,
                new KeyValuePair<string, object?>(AppTelemetry.Tags.BookingStatus, status),
                new KeyValuePair<string, object?>(AppTelemetry.Tags.PaymentMethod, method));
        }
        if (pending.Promotions > 0) AppTelemetry.WaitlistPromotions.Add(pending.Promotions);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
