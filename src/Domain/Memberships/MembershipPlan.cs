using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Domain.Memberships;

/// <summary>What a studio sells as a membership: an allowance, optionally limited to some class types.</summary>
public sealed class MembershipPlan : Entity, ITenantOwned
{
    public const int NameMaxLength = 120;

    private MembershipPlan() { }

    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public Allowance Allowance { get; private set; }
    /// <summary>Empty: every class type.</summary>
    public Guid[] ClassTypeIds { get; private set; } = [];
    public bool IsTrial { get; private set; }
    public bool IsActive { get; private set; }

    public static Result<MembershipPlan> Create(
        Guid organizationId, string name, Allowance allowance, IEnumerable<Guid>? classTypeIds, bool isTrial, DateTimeOffset now, Guid? id = null)
    {
        if (CleanText.Check(name, "name") is { } unclean) return unclean;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            return Error.Invalid("membership_plan.name_invalid", $"A plan needs a name of at most {NameMaxLength} characters.", "name");
        if (!allowance.IsUnlimited && allowance.Classes is null or < 1) return MembershipErrors.AllowanceInvalid;
        return new MembershipPlan
        {
            Id = id ?? Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Name = name.Trim(),
            Allowance = allowance.IsUnlimited ? Allowance.Unlimited : allowance,
            ClassTypeIds = classTypeIds?.Distinct().ToArray() ?? [],
            IsTrial = isTrial,
            IsActive = true,
        };
    }
}
