using UnifiedCustomers.Application.Bookings;
using UnifiedCustomers.Application.Members;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.MergeCustomers;

/// <summary>The two customers are one person: <paramref name="MergedId"/> moves everything to <paramref name="SurvivorId"/> and is archived.</summary>
public sealed record MergeCustomersCommand(Guid OrganizationId, Guid SurvivorId, Guid MergedId) : ITenantCommand<Result<MergeCustomersResponse>>, IOrganizationRequest;

/// <param name="DuplicateBookingsCancelled">active bookings of a class both held, cancelled (and refunded) in favour of the other</param>
public sealed record MergeCustomersResponse(
    CustomerResponse Survivor,
    Guid MergedId,
    int BookingsMoved,
    int DuplicateBookingsCancelled,
    int MembershipsMoved,
    int PacksMoved,
    int NotesMoved,
    int LedgerEntriesMoved,
    int StandingBookingsMoved);

internal sealed class MergeCustomersValidator : AbstractValidator<MergeCustomersCommand>
{
    public MergeCustomersValidator()
    {
        RuleFor(c => c.SurvivorId).NotEmpty().WithMessage("Name the customer who stays.");
        RuleFor(c => c.MergedId).NotEmpty().WithMessage("Name the customer merged into the survivor.");
    }
}

/// <summary>
/// The writes of a merge that EF's save cannot order: PostgreSQL checks the unique indexes on the
/// email and on one active booking per class row by row, and EF orders its UPDATEs by key.
/// </summary>
public interface IMergeWrites
{
    /// <summary>
    /// Writes what the merge frees (the merged customer's email, the survivor's bookings cancelled as
    /// duplicates) ahead of the save, so the save that moves the rest to the survivor cannot trip over it.
    /// </summary>
    Task ReleaseAsync(Customer merged, IEnumerable<Booking> collapsedSurvivorBookings, CancellationToken ct);

    /// <summary>Re-points the rows never loaded to be rewritten (the append-only ledger, the standing bookings) to the survivor.</summary>
    Task<(int LedgerEntries, int StandingBookings)> MoveHistoryAsync(Guid mergedId, Guid survivorId, CancellationToken ct);
}

internal sealed class MergeCustomersHandler(
    IAppDbContext db, IRowLocks locks, IMergeWrites writes, BookingLoader loader, WaitlistPromoter promoter, CurrentOrganization current,
    CustomerLifecycle lifecycle, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<MergeCustomersCommand, Result<MergeCustomersResponse>>
{
    public async ValueTask<Result<MergeCustomersResponse>> Handle(MergeCustomersCommand command, CancellationToken ct)
    {
        var organization = current.Organization;
        // Always in id order, so two merges of the same pair (either way round) cannot deadlock.
        foreach (var id in new[] { command.SurvivorId, command.MergedId }.Distinct().Order())
        {
            if (!await locks.LockCustomerAsync(organization.Id, id, ct)) return CustomerErrors.NotFound;
        }
        var survivor = await db.Customers.SingleAsync(c => c.Id == command.SurvivorId, ct);
        var merged = await db.Customers.SingleAsync(c => c.Id == command.MergedId, ct);
        // The classes whose bookings move, locked after the customers (the order every writer keeps) and before any
        // booking is read: a class's own writers (cancelling or moving it, promoting from its waitlist) decide on its
        // bookings under that lock, and must not find one moved, collapsed or refunded behind their back.
        var classIds = await db.Bookings
            .Where(b => b.CustomerId == merged.Id && BookingStatuses.Active.Contains(b.Status))
            .Select(b => b.SessionId).Distinct().ToListAsync(ct);
        var classes = await loader.SessionsAsync(organization.Id, classIds, customerId: null, withWaitlist: true, forUpdate: true, ct);

        var holdings = new MergeHoldings(
            await db.Bookings.Where(b => b.CustomerId == merged.Id).ToListAsync(ct),
            await db.Memberships.Where(m => m.CustomerId == merged.Id).ToListAsync(ct),
            await db.ClassPacks.Where(p => p.CustomerId == merged.Id).ToListAsync(ct),
            await db.CustomerNotes.Where(n => n.CustomerId == merged.Id).ToListAsync(ct),
            classes);
        var survivorActiveBookings = await db.Bookings
            .Where(b => b.CustomerId == survivor.Id && BookingStatuses.Active.Contains(b.Status))
            .ToListAsync(ct);
        var survivorPacks = await db.ClassPacks.Where(p => p.CustomerId == survivor.Id).ToListAsync(ct);
        var survivorMemberships = await db.Memberships.Where(m => m.CustomerId == survivor.Id).ToListAsync(ct);
        var memberships = holdings.Memberships.Concat(survivorMemberships).ToList();
        var packs = holdings.Packs.Concat(survivorPacks).ToList();

        var activeBefore = holdings.Bookings.Concat(survivorActiveBookings).Where(b => b.IsActive).ToList();

        var now = clock.GetUtcNow();
        var mergedResult = CustomerMerge.Merge(
            merged, survivor, holdings, survivorActiveBookings, survivorPacks, lifecycle.Evidence(organization, memberships, packs), now);
        if (mergedResult.IsFailure) return mergedResult.Error!;
        db.CreditLedger.AddRange(mergedResult.Value);
        await db.RevokeEveryTokenOfAsync([merged.Id], now, ct);
        await writes.ReleaseAsync(merged, survivorActiveBookings.Where(b => !b.IsActive), ct);
        // A collapsed duplicate left its class: a freed seat goes to the waitlist, which closes up either way.
        var collapsedIn = activeBefore.Where(b => !b.IsActive).Select(b => b.SessionId).ToHashSet();
        foreach (var left in classes.Where(c => collapsedIn.Contains(c.Session.Id)))
            await promoter.FillFreedSeatsAsync(organization, left, ct);
        var (ledgerMoved, standingMoved) = await writes.MoveHistoryAsync(merged.Id, survivor.Id, ct);
        // A duplicate's refund may have brought a spent pack back to life; the survivor now holds both customers' purchases.
        lifecycle.Recompute(survivor, lifecycle.Evidence(organization, memberships, packs), $"merged with {merged.Id}");

        return new MergeCustomersResponse(
            survivor.Adapt<CustomerResponse>(mapping),
            merged.Id,
            holdings.Bookings.Count,
            activeBefore.Count(b => !b.IsActive),
            holdings.Memberships.Count,
            holdings.Packs.Count,
            holdings.Notes.Count,
            ledgerMoved,
            standingMoved);
    }
}
