using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Domain.Customers;

/// <summary>Everything the merged-away customer holds, loaded (and locked) by the caller.</summary>
/// <param name="Classes">
/// the classes of its active bookings at the desk (locked before the bookings were read, with their
/// waitlists): a collapsed duplicate leaves its class, whose seat and waitlist counts follow. Needed only
/// when both customers hold an active booking of one class.
/// </param>
public sealed record MergeHoldings(
    IReadOnlyList<Booking> Bookings,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<ClassPack> Packs,
    IReadOnlyList<CustomerNote> Notes,
    IReadOnlyList<SessionAtDesk>? Classes = null);

/// <summary>
/// Two customers of one organization turn out to be one person. The survivor takes over the
/// other's bookings, memberships, packs and notes; where both hold an active booking of the same
/// class, the less advanced one is cancelled and refunded, and leaves the class at the desk (the
/// caller then offers a freed seat to the waitlist and closes it up); the other customer is archived
/// with a pointer to the survivor.
/// </summary>
public static class CustomerMerge
{
    public static Result<IReadOnlyList<CreditLedgerEntry>> Merge(
        Customer merged, Customer survivor, MergeHoldings mergedHoldings, IReadOnlyList<Booking> survivorActiveBookings,
        IReadOnlyList<ClassPack> survivorPacks, LifecycleEvidence survivorEvidenceAfter, DateTimeOffset now)
    {
        var archive = merged.MergeInto(survivor, now);
        if (archive.IsFailure) return archive.Error!;

        var refunds = new List<CreditLedgerEntry>();
        var packs = mergedHoldings.Packs.Concat(survivorPacks).ToDictionary(p => p.Id);
        var survivorBySession = survivorActiveBookings.Where(b => b.IsActive).ToDictionary(b => b.SessionId);
        foreach (var booking in mergedHoldings.Bookings)
        {
            booking.MoveTo(survivor);
            if (booking.IsActive && survivorBySession.TryGetValue(booking.SessionId, out var kept))
            {
                var (loser, winner) = Rank(booking) > Rank(kept) ? (kept, booking) : (booking, kept);
                var atDesk = mergedHoldings.Classes?.SingleOrDefault(c => c.Session.Id == loser.SessionId)
                    ?? throw new ArgumentException("A collapsed duplicate's class must be at the desk.", nameof(mergedHoldings));
                var (heldSeat, wasWaitlisted) = (loser.HoldsSeat, loser.Status == BookingStatus.Waitlisted);
                var outcome = loser.CollapseAsDuplicate(now);
                atDesk.Left(loser, heldSeat, wasWaitlisted);
                if (outcome.Refund)
                {
                    if (loser.Payment.PackId is { } packId && packs.TryGetValue(packId, out var pack)) pack.Refund(now);
                    refunds.Add(CreditLedgerEntry.Refunded(loser, LedgerReason.MergeDuplicate, now));
                }
                survivorBySession[booking.SessionId] = winner;
            }
        }
        foreach (var membership in mergedHoldings.Memberships) membership.MoveTo(survivor);
        foreach (var pack in mergedHoldings.Packs) pack.MoveTo(survivor);
        foreach (var note in mergedHoldings.Notes) note.MoveTo(survivor);

        survivor.ApplyPurchases(survivorEvidenceAfter, $"merged with {merged.Id}", now);
        return refunds;
    }

    private static int Rank(Booking booking) => booking.Status switch
    {
        BookingStatus.Attended => 3,
        BookingStatus.Confirmed => 2,
        BookingStatus.Waitlisted => 1,
        _ => 0,
    };
}
