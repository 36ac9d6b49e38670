using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Bookings;

/// <summary>
/// Fills freed seats from the waitlist: the desk names the candidates in order and decides each
/// promotion; this loads (and locks) each candidate's account in turn. A waitlisted customer who
/// cannot pay now is skipped and keeps their place. The caller holds the session's row lock and
/// loaded the session with its waitlist.
/// </summary>
internal sealed class WaitlistPromoter(IAppDbContext db, BookingLoader loader, TimeProvider clock)
{
    public async Task<IReadOnlyList<Booking>> FillFreedSeatsAsync(Organization organization, SessionAtDesk session, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var promoted = new List<Booking>();
        foreach (var candidate in BookingDesk.PromotionCandidates(session, organization.Policy, now))
        {
            var account = await loader.AccountAsync(
                organization.Id, candidate.CustomerId, CustomerAccount.ChargesNeededFrom(session.Session.StartsAt), forUpdate: true, ct);
            if (account is null) continue;
            var decision = BookingDesk.Promote(account, session, candidate, now);
            if (decision.IsFailure) continue;
            db.CreditLedger.AddRange(decision.Value.LedgerRows);
            promoted.Add(candidate);
        }
        BookingDesk.CloseUpWaitlist(session);
        return promoted;
    }
}
