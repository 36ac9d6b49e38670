using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UnifiedCustomers.Application.Events;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Infrastructure.Events;

/// <summary>Turns the domain events of the tracked entities into outbox rows of the same save.</summary>
internal static class Outbox
{
    public static void Collect(AppDbContext db, DateTimeOffset now)
    {
        List<RaisedEvent>? raised = null;
        // Raisers are always tracked (loaded or added); skipping DetectChanges here saves the save's own pass twice over.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in db.ChangeTracker.Entries<Entity>())
            {
                var pending = entry.Entity.PendingEvents();
                if (pending.Count == 0) continue;
                (raised ??= []).AddRange(pending);
                entry.Entity.ClearPendingEvents();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        if (raised is null) return;
        raised.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));

        // Raised order is kept by the ordinal; the publisher numbers a transaction's events together, in that order.
        for (var i = 0; i < raised.Count; i++)
        {
            var (type, data) = EventCatalog.Describe(raised[i].Event);
            db.Events.Add(new StoredEvent(
                Guid.CreateVersion7(now), raised[i].Event.Subject.OrganizationId, type, now, JsonSerializer.Serialize(data, data.GetType(), EventCatalog.Json), i));
        }
        db.WroteEvents = true;
    }
}

/// <summary>After a transaction that wrote events commits, the publisher of this process is woken (others poll).</summary>
internal sealed class EventsCommittedInterceptor(EventSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Announce(eventData.Context);

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db) db.WroteEvents = false;
        return Task.CompletedTask;
    }

    private void Announce(DbContext? context)
    {
        if (context is not AppDbContext { WroteEvents: true } db) return;
        db.WroteEvents = false;
        signal.Pulse();
    }
}

/// <summary>An in-process wake-up call: pulses coalesce, a waiter wakes at most once per pulse burst.</summary>
public sealed class EventSignal
{
    private readonly System.Threading.Channels.Channel<bool> _channel =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    public void Pulse() => _channel.Writer.TryWrite(true);

    /// <returns>true when pulsed, false when the timeout passed</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            return await _channel.Reader.WaitToReadAsync(timer.Token) && _channel.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
