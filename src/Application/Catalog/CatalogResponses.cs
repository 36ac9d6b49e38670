using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Catalog;

public sealed record ClassTypeResponse(Guid Id, string Name, int DefaultCapacity, int DefaultDurationMinutes, bool IsActive);

/// <param name="AllowanceClasses">classes per period; null when unlimited</param>
/// <param name="ClassTypeIds">the class types it covers; empty means every class type</param>
public sealed record MembershipPlanResponse(
    Guid Id, string Name, AllowancePeriod AllowancePeriod, int? AllowanceClasses, IReadOnlyList<Guid> ClassTypeIds, bool IsTrial, bool IsActive);

/// <param name="ClassTypeIds">the class types it covers; empty means every class type</param>
public sealed record PackProductResponse(
    Guid Id, string Name, int Credits, int ValidityDays, IReadOnlyList<Guid> ClassTypeIds, bool IsTrial, bool IsActive);

internal sealed class CatalogMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ClassType, ClassTypeResponse>();
        config.NewConfig<MembershipPlan, MembershipPlanResponse>()
            .Map(response => response.AllowancePeriod, plan => plan.Allowance.Period)
            .Map(response => response.AllowanceClasses, plan => plan.Allowance.Classes);
        config.NewConfig<PackProduct, PackProductResponse>();
    }
}
