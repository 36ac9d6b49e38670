using UnifiedCustomers.Application.Bookings.GetCreditLedger;
using UnifiedCustomers.Application.Members;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Customers.ExportCustomer;

/// <summary>A privacy request to see one's data: everything stored about the person, as one document.</summary>
public sealed record ExportCustomerQuery(Guid OrganizationId, Guid CustomerId) : ITenantQuery<Result<CustomerExport>>, IOrganizationRequest;

public sealed record ExportedOrganization(Guid Id, string Name, string Slug);

public sealed record ExportedMembership(
    Guid Id, Guid PlanId, string PlanName, AllowancePeriod AllowancePeriod, int? AllowanceClasses, bool IsTrial, DateOnly StartDate, DateOnly? EndDate,
    MembershipStatus Status, IReadOnlyList<Sales.PauseResponse> Pauses, DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt);

public sealed record ExportedPack(
    Guid Id, Guid ProductId, string ProductName, int CreditsTotal, int CreditsRemaining, bool IsTrial, PackStatus Status, DateTimeOffset PurchasedAt,
    DateTimeOffset? ExpiresAt);

public sealed record ExportedBooking(
    Guid Id, Guid SessionId, string ClassName, DateTimeOffset StartsAt, BookingStatus Status, PaymentMethod PaymentMethod, Guid? MembershipId,
    Guid? PackId, bool Charged, int? WaitlistPosition, BookingSource Source, DateTimeOffset BookedAt, DateTimeOffset? CancelledAt,
    DateTimeOffset? CheckedInAt);

public sealed record ExportedStandingBooking(
    Guid Id, Guid ClassTypeId, IReadOnlyList<DayOfWeek> Weekdays, TimeOnly LocalTime, DateOnly FromDate, DateOnly UntilDate, bool IsActive,
    DateTimeOffset CreatedAt);

public sealed record ExportedLegacyId(string SourceTable, Guid LegacyId, string Outcome);

/// <param name="MergedDuplicates">records of the same person merged into this customer; what they held moved here</param>
/// <param name="LegacyIds">the old system's lead and client ids that became this customer</param>
public sealed record CustomerExport(
    DateTimeOffset ExportedAt,
    ExportedOrganization Organization,
    CustomerResponse Customer,
    IReadOnlyList<CustomerStatusChangeResponse> StatusHistory,
    IReadOnlyList<CustomerNoteResponse> Notes,
    IReadOnlyList<ExportedMembership> Memberships,
    IReadOnlyList<ExportedPack> Packs,
    IReadOnlyList<ExportedBooking> Bookings,
    IReadOnlyList<LedgerEntryResponse> CreditLedger,
    IReadOnlyList<ExportedStandingBooking> StandingBookings,
    IReadOnlyList<AccessTokenResponse> AccessTokens,
    IReadOnlyList<ExportedLegacyId> LegacyIds,
    IReadOnlyList<CustomerResponse> MergedDuplicates);

internal sealed class ExportCustomerValidator : AbstractValidator<ExportCustomerQuery>
{
    public ExportCustomerValidator() => RuleFor(q => q.CustomerId).NotEmpty().WithMessage("Name the customer.");
}

internal sealed class ExportCustomerHandler(CurrentOrganization current, IAppDbContext db, TypeAdapterConfig mapping, TimeProvider clock)
    : IQueryHandler<ExportCustomerQuery, Result<CustomerExport>>
{
    public async ValueTask<Result<CustomerExport>> Handle(ExportCustomerQuery query, CancellationToken ct)
    {
        var id = query.CustomerId;
        var organization = current.Organization;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == id)
            .ProjectToType<CustomerResponse>(mapping).FirstOrDefaultAsync(ct);
        if (customer is null) return CustomerErrors.NotFound;

        var duplicates = await db.Customers.AsNoTracking().Where(c => c.MergedIntoId == id)
            .OrderBy(c => c.CreatedAt).ProjectToType<CustomerResponse>(mapping).ToListAsync(ct);
        var people = duplicates.Select(d => d.Id).Append(id).ToList();

        var history = await db.CustomerStatusChanges.AsNoTracking().Where(h => h.CustomerId == id)
            .OrderBy(h => h.At).ThenBy(h => h.Id).ProjectToType<CustomerStatusChangeResponse>(mapping).ToListAsync(ct);
        var notes = await db.CustomerNotes.AsNoTracking().Where(n => n.CustomerId == id)
            .OrderBy(n => n.CreatedAt).ProjectToType<CustomerNoteResponse>(mapping).ToListAsync(ct);

        var memberships = await (
            from m in db.Memberships.AsNoTracking()
            join p in db.MembershipPlans on m.PlanId equals p.Id
            where m.CustomerId == id
            orderby m.StartDate
            select new { Membership = m, PlanName = p.Name }).ToListAsync(ct);
        var packs = await (
            from k in db.ClassPacks.AsNoTracking()
            join p in db.PackProducts on k.ProductId equals p.Id
            where k.CustomerId == id
            orderby k.PurchasedAt
            select new ExportedPack(k.Id, k.ProductId, p.Name, k.CreditsTotal, k.CreditsRemaining, k.IsTrial, k.Status, k.PurchasedAt, k.ExpiresAt))
            .ToListAsync(ct);
        var bookings = await (
            from b in db.Bookings.AsNoTracking()
            join s in db.ClassSessions on b.SessionId equals s.Id
            join t in db.ClassTypes on s.ClassTypeId equals t.Id
            where b.CustomerId == id
            orderby s.StartsAt, b.BookedAt
            select new ExportedBooking(
                b.Id, b.SessionId, t.Name, s.StartsAt, b.Status, b.PaymentMethod, b.MembershipId, b.PackId, b.Charged, b.WaitlistPosition, b.Source,
                b.BookedAt, b.CancelledAt, b.CheckedInAt)).ToListAsync(ct);
        var ledger = await db.CreditLedger.AsNoTracking().Where(e => e.CustomerId == id)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ProjectToType<LedgerEntryResponse>(mapping).ToListAsync(ct);
        var standing = await db.StandingBookings.AsNoTracking().Where(s => s.CustomerId == id)
            .OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var tokens = await db.CustomerAccessTokens.AsNoTracking().Where(t => people.Contains(t.CustomerId))
            .OrderBy(t => t.IssuedAt).ToListAsync(ct);
        // legacy_id_map names no organization: the target ids (this organization's customers) scope it.
        var legacy = await db.LegacyIdMap.AsNoTracking().Where(m => m.TargetTable == "customers" && people.Contains(m.TargetId))
            .OrderBy(m => m.SourceTable).ThenBy(m => m.LegacyId)
            .Select(m => new ExportedLegacyId(m.SourceTable, m.LegacyId, m.Outcome)).ToListAsync(ct);

        return new CustomerExport(
            clock.GetUtcNow(),
            new ExportedOrganization(organization.Id, organization.Name, organization.Slug),
            customer,
            history,
            notes,
            memberships.Select(m => new ExportedMembership(
                m.Membership.Id, m.Membership.PlanId, m.PlanName, m.Membership.Allowance.Period, m.Membership.Allowance.Classes, m.Membership.IsTrial,
                m.Membership.StartDate, m.Membership.EndDate, m.Membership.Status,
                m.Membership.Pauses.Select(p => new Sales.PauseResponse(p.From, p.Until)).ToList(), m.Membership.CreatedAt, m.Membership.CancelledAt)).ToList(),
            packs,
            bookings,
            ledger,
            standing.Select(s => new ExportedStandingBooking(s.Id, s.ClassTypeId, s.Weekdays, s.LocalTime, s.FromDate, s.UntilDate, s.IsActive, s.CreatedAt)).ToList(),
            tokens.Select(AccessTokenResponse.From).ToList(),
            legacy,
            duplicates);
    }
}
