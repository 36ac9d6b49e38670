using UnifiedCustomers.Application.Customers.MergeCustomers;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Infrastructure.Customers;

/// <summary>
/// A merge's statements outside the save, in the order the unique indexes need. Each runs in the
/// command's transaction and, like every query, within its organization (the tenant filter).
/// </summary>
internal sealed class MergeWrites(AppDbContext db) : IMergeWrites
{
    public async Task ReleaseAsync(Customer merged, IEnumerable<Booking> collapsedSurvivorBookings, CancellationToken ct)
    {
        await db.Customers
            .Where(c => c.Id == merged.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Email, merged.Email), ct);
        foreach (var booking in collapsedSurvivorBookings)
        {
            await db.Bookings
                .Where(b => b.Id == booking.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, booking.Status).SetProperty(b => b.WaitlistPosition, booking.WaitlistPosition), ct);
        }
    }

    public async Task<(int LedgerEntries, int StandingBookings)> MoveHistoryAsync(Guid mergedId, Guid survivorId, CancellationToken ct)
    {
        // The ledger is append-only history: moved in one statement, never loaded to be rewritten.
        var ledger = await db.CreditLedger
            .Where(e => e.CustomerId == mergedId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.CustomerId, survivorId), ct);
        // Recurring bookings follow the person too, or they would keep booking for an archived customer.
        var standing = await db.StandingBookings
            .Where(s => s.CustomerId == mergedId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.CustomerId, survivorId), ct);
        return (ledger, standing);
    }
}
