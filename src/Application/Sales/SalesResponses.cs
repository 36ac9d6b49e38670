using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Sales;

/// <param name="Until">the first date the membership covers again; null while the pause is open</param>
public sealed record PauseResponse(DateOnly From, DateOnly? Until);

/// <summary>A customer's membership, with the lifecycle status the change left the customer in.</summary>
/// <param name="AllowanceClasses">classes per period; null when unlimited</param>
public sealed record MembershipResponse(
    Guid Id,
    Guid CustomerId,
    Guid PlanId,
    string PlanName,
    AllowancePeriod AllowancePeriod,
    int? AllowanceClasses,
    IReadOnlyList<Guid> ClassTypeIds,
    bool IsTrial,
    DateOnly StartDate,
    DateOnly? EndDate,
    MembershipStatus Status,
    IReadOnlyList<PauseResponse> Pauses,
    DateTimeOffset? CancelledAt,
    LifecycleStatus CustomerStatus);

/// <summary>A customer's class pack, with the lifecycle status the sale left the customer in.</summary>
public sealed record PackResponse(
    Guid Id,
    Guid CustomerId,
    Guid ProductId,
    string ProductName,
    int CreditsTotal,
    int CreditsRemaining,
    IReadOnlyList<Guid> ClassTypeIds,
    bool IsTrial,
    PackStatus Status,
    DateTimeOffset PurchasedAt,
    DateTimeOffset? ExpiresAt,
    LifecycleStatus CustomerStatus);

internal static class SalesResponses
{
    public static MembershipResponse From(Membership membership, string planName, Customer customer) => new(
        membership.Id, membership.CustomerId, membership.PlanId, planName, membership.Allowance.Period, membership.Allowance.Classes,
        membership.ClassTypeIds, membership.IsTrial, membership.StartDate, membership.EndDate, membership.Status,
        membership.Pauses.Select(p => new PauseResponse(p.From, p.Until)).ToList(), membership.CancelledAt, customer.Status);

    public static MembershipResponse From(MembershipAtCounter counter) => From(counter.Membership, counter.PlanName, counter.Customer);

    public static PackResponse From(ClassPack pack, string productName, Customer customer) => new(
        pack.Id, pack.CustomerId, pack.ProductId, productName, pack.CreditsTotal, pack.CreditsRemaining, pack.ClassTypeIds, pack.IsTrial,
        pack.Status, pack.PurchasedAt, pack.ExpiresAt, customer.Status);
}
