using UnifiedCustomers.Application.Bookings;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.CancelSession;

/// <summary>The studio cancels a class: every booking of it is cancelled and what it spent refunded.</summary>
public sealed record CancelSessionCommand(Guid OrganizationId, Guid SessionId) : ITenantCommand<Result<CancelSessionResponse>>;

public sealed record CancelSessionResponse(Guid SessionId, SessionStatus Status, DateTimeOffset? CancelledAt, int BookingsCancelled, int Refunds);

internal sealed class CancelSessionValidator : AbstractValidator<CancelSessionCommand>
{
    public CancelSessionValidator() => RuleFor(c => c.SessionId).NotEmpty();
}

internal sealed class CancelSessionHandler(IAppDbContext db, IRowLocks locks, BookingLoader loader, TimeProvider clock)
    : ICommandHandler<CancelSessionCommand, Result<CancelSessionResponse>>
{
    public async ValueTask<Result<CancelSessionResponse>> Handle(CancelSessionCommand command, CancellationToken ct)
    {
        if (!await locks.LockSessionAsync(command.OrganizationId, command.SessionId, ct)) return SessionErrors.NotFound;
        var session = await db.ClassSessions.SingleAsync(s => s.Id == command.SessionId, ct);
        var now = clock.GetUtcNow();
        var cancelled = session.Cancel(now);
        if (cancelled.IsFailure) return cancelled.Error!;

        var bookings = await db.Bookings
            .Where(b => b.SessionId == session.Id && BookingStatuses.CancelledWithTheirSession.Contains(b.Status))
            .OrderBy(b => b.CustomerId)
            .ToListAsync(ct);
        var refunds = 0;
        foreach (var booking in bookings)
        {
            // Each refund changes the customer's pack, so it takes that customer's lock (in id order).
            var account = await loader.AccountAsync(command.OrganizationId, booking.CustomerId, CustomerAccount.ChargesNeededFrom(session.StartsAt), forUpdate: true, ct);
            if (account is null) return CustomerErrors.NotFound;
            await loader.IncludePaymentAsync(account, booking, ct);
            var ledger = BookingDesk.CancelWithSession(account, booking, now);
            db.CreditLedger.AddRange(ledger);
            refunds += ledger.Count;
        }
        return new CancelSessionResponse(session.Id, session.Status, session.CancelledAt, bookings.Count, refunds);
    }
}
