using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Bookings.GetCustomerBalance;

/// <summary>What a customer can still book with today: each membership's allowance left in its current period, each pack's credits.</summary>
public sealed record GetCustomerBalanceQuery(Guid OrganizationId, Guid CustomerId) : ITenantQuery<Result<CustomerBalanceResponse>>;

/// <param name="Remaining">null when unlimited</param>
public sealed record MembershipBalance(
    Guid Id, Guid PlanId, bool IsTrial, MembershipStatus Status, AllowancePeriod Period, int? AllowanceClasses,
    int UsedThisPeriod, int? Remaining, DateOnly? PeriodFrom, DateOnly? PeriodUntil, DateOnly StartDate, DateOnly? EndDate, bool Usable);

public sealed record PackBalance(Guid Id, Guid ProductId, bool IsTrial, int CreditsTotal, int CreditsRemaining, DateTimeOffset PurchasedAt, DateTimeOffset? ExpiresAt, bool Usable);

public sealed record CustomerBalanceResponse(Guid CustomerId, LifecycleStatus Status, DateOnly Today, IReadOnlyList<MembershipBalance> Memberships, IReadOnlyList<PackBalance> Packs);

internal sealed class GetCustomerBalanceValidator : AbstractValidator<GetCustomerBalanceQuery>
{
    public GetCustomerBalanceValidator() => RuleFor(q => q.CustomerId).NotEmpty();
}

internal sealed class GetCustomerBalanceHandler(BookingLoader loader, TimeProvider clock) : IQueryHandler<GetCustomerBalanceQuery, Result<CustomerBalanceResponse>>
{
    public async ValueTask<Result<CustomerBalanceResponse>> Handle(GetCustomerBalanceQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var customer = await loader.AccountAsync(query.OrganizationId, query.CustomerId, CustomerAccount.ChargesNeededFrom(now), forUpdate: false, ct);
        if (customer is null) return CustomerErrors.NotFound;
        var today = customer.Organization.LocalDate(now);
        var usage = customer.UsageOn(today);

        var memberships = usage.Select(u =>
        {
            var m = u.Membership;
            var (from, until) = m.PeriodContaining(today);
            var bounded = m.Allowance.Period != AllowancePeriod.Unlimited;
            return new MembershipBalance(
                m.Id, m.PlanId, m.IsTrial, m.Status, m.Allowance.Period, m.Allowance.Classes, u.UsedInPeriod, m.Remaining(u.UsedInPeriod),
                bounded ? from : null, bounded && !(m.Allowance.Period == AllowancePeriod.Term && m.EndDate is null) ? until.AddDays(-1) : null, m.StartDate, m.EndDate, m.IsInForceOn(today));
        }).ToList();
        var packs = customer.Packs.OrderBy(p => p.ExpiresAt ?? DateTimeOffset.MaxValue)
            .Select(p => new PackBalance(p.Id, p.ProductId, p.IsTrial, p.CreditsTotal, p.CreditsRemaining, p.PurchasedAt, p.ExpiresAt, p.IsCurrent(now)))
            .ToList();
        return new CustomerBalanceResponse(customer.Customer.Id, customer.Customer.Status, today, memberships, packs);
    }
}
