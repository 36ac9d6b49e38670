using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.MergeCustomers;

/// <summary>The two customers are one person: <paramref name="MergedId"/> moves everything to <paramref name="SurvivorId"/> and is archived.</summary>
public sealed record MergeCustomersCommand(Guid OrganizationId, Guid SurvivorId, Guid MergedId) : ITenantCommand<Result<MergeCustomersResponse>>;

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

internal sealed class MergeCustomersHandler(IAppDbContext db, IRowLocks locks, CustomerLifecycle lifecycle, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<MergeCustomersCommand, Result<MergeCustomersResponse>>
{
    public async ValueTask<Result<MergeCustomersResponse>> Handle(MergeCustomersCommand command, CancellationToken ct)
    {
        var organizationId = command.OrganizationId;
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null) return ApplicationErrors.OrganizationNotFound;
        // Always in id order, so two merges of the same pair (either way round) cannot deadlock.
        foreach (var id in new[] { command.SurvivorId, command.MergedId }.Distinct().Order())
        {
            if (!await locks.LockCustomerAsync(organizationId, id, ct)) return CustomerErrors.NotFound;
        }
        var survivor = await db.Customers.SingleAsync(c => c.OrganizationId == organizationId && c.Id == command.SurvivorId, ct);
        var merged = await db.Customers.SingleAsync(c => c.OrganizationId == organizationId && c.Id == command.MergedId, ct);

        var holdings = new MergeHoldings(
            await db.Bookings.Where(b => b.OrganizationId == organizationId && b.CustomerId == merged.Id).ToListAsync(ct),
            await db.Memberships.Where(m => m.OrganizationId == organizationId && m.CustomerId == merged.Id).ToListAsync(ct),
            await db.ClassPacks.Where(p => p.OrganizationId == organizationId && p.CustomerId == merged.Id).ToListAsync(ct),
            await db.CustomerNotes.Where(n => n.OrganizationId == organizationId && n.CustomerId == merged.Id).ToListAsync(ct));
        var survivorActiveBookings = await db.Bookings
            .Where(b => b.OrganizationId == organizationId && b.CustomerId == survivor.Id && BookingStatuses.Active.Contains(b.Status))
            .ToListAsync(ct);
        var survivorPacks = await db.ClassPacks.Where(p => p.OrganizationId == organizationId && p.CustomerId == survivor.Id).ToListAsync(ct);
        var survivorMemberships = await db.Memberships.Where(m => m.OrganizationId == organizationId && m.CustomerId == survivor.Id).ToListAsync(ct);

        var activeBefore = holdings.Bookings.Concat(survivorActiveBookings).Where(b => b.IsActive).ToList();

        var now = clock.GetUtcNow();
        var evidenceAfter = LifecycleEvidence.From(
            holdings.Memberships.Concat(survivorMemberships), holdings.Packs.Concat(survivorPacks), organization.LocalDate(now), now);
        var mergedResult = CustomerMerge.Merge(merged, survivor, holdings, survivorActiveBookings, survivorPacks, evidenceAfter, now);
        if (mergedResult.IsFailure) return mergedResult.Error!;
        db.CreditLedger.AddRange(mergedResult.Value);
        await ReleaseWhatTheSurvivorTakesOverAsync(merged, survivorActiveBookings.Where(b => !b.IsActive), ct);

        // The ledger is append-only history: moved in one statement, never loaded to be rewritten.
        var ledgerMoved = await db.CreditLedger
            .Where(e => e.OrganizationId == organizationId && e.CustomerId == merged.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.CustomerId, survivor.Id), ct);
        // Recurring bookings follow the person too, or they would keep booking for an archived customer.
        var standingMoved = await db.StandingBookings
            .Where(s => s.OrganizationId == organizationId && s.CustomerId == merged.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.CustomerId, survivor.Id), ct);
        // A duplicate's refund may have brought a spent pack back to life.
        await lifecycle.RecomputeAsync(organization, survivor, $"merged with {merged.Id}", ct);

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

    /// <summary>
    /// PostgreSQL checks the unique indexes on the email and on one active booking per class row by
    /// row, and EF orders its UPDATEs by key, not by those indexes. So what the merge frees (the merged
    /// customer's email, the survivor's bookings cancelled as duplicates) is written first, and the
    /// save that moves the rest to the survivor cannot trip over it.
    /// </summary>
    private async Task ReleaseWhatTheSurvivorTakesOverAsync(Customer merged, IEnumerable<Booking> collapsedSurvivorBookings, CancellationToken ct)
    {
        await db.Customers
            .Where(c => c.OrganizationId == merged.OrganizationId && c.Id == merged.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Email, merged.Email), ct);
        foreach (var booking in collapsedSurvivorBookings)
        {
            await db.Bookings
                .Where(b => b.OrganizationId == booking.OrganizationId && b.Id == booking.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, booking.Status).SetProperty(b => b.WaitlistPosition, booking.WaitlistPosition), ct);
        }
    }
}
