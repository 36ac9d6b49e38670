using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Bookings;

/// <summary>
/// Fills freed seats from the waitlist, in order, until the promotion cutoff. A waitlisted customer
/// who cannot pay now is skipped and keeps their place. The caller holds the session's row lock.
/// </summary>
internal sealed class WaitlistPromoter(IAppDbContext db, BookingDesk desk, TimeProvider clock)
{
    public async Task<IReadOnlyList<Booking>> FillFreedSeatsAsync(Organization organization, ClassSession session, CancellationToken ct)
    {
        // Tracked instances: a booking cancelled in this transaction already shows its new status here.
        var bookings = await db.Bookings
            .Where(b => b.SessionId == session.Id && (BookingStatuses.HoldingSeat.Contains(b.Status) || b.Status == BookingStatus.Waitlisted))
            .ToListAsync(ct);
        var seatsTaken = bookings.Count(b => b.HoldsSeat);
        var waitlist = bookings.Where(b => b.Status == BookingStatus.Waitlisted).OrderBy(b => b.WaitlistPosition).ThenBy(b => b.BookedAt).ToList();
        var promoted = new List<Booking>();

        if (session.Status == SessionStatus.Scheduled && organization.Policy.PromotesAt(session.StartsAt, clock.GetUtcNow()))
        {
            foreach (var candidate in waitlist)
            {
                if (seatsTaken >= session.Capacity) break;
                var seated = await desk.SeatCustomerAsync(organization.Id, candidate.CustomerId, forWriting: true, ct);
                if (seated.IsFailure || seated.Value.Customer.EnsureCanBook().IsFailure) continue;
                var result = await desk.PromoteAsync(seated.Value, candidate, session, ct);
                if (result.IsFailure) continue;
                promoted.Add(candidate);
                seatsTaken++;
            }
        }

        CloseUpWaitlist(bookings);
        return promoted;
    }

    /// <summary>Positions stay 1..n in the order people joined, whoever left or moved up.</summary>
    public static void CloseUpWaitlist(IEnumerable<Booking> sessionBookings)
    {
        var position = 1;
        foreach (var waiting in sessionBookings.Where(b => b.Status == BookingStatus.Waitlisted).OrderBy(b => b.WaitlistPosition).ThenBy(b => b.BookedAt))
            waiting.MoveToWaitlistPosition(position++);
    }
}
