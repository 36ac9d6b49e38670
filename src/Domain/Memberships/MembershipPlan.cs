namespace UnifiedCustomers.Domain.Memberships;

/// <summary>What a studio sells as a membership: an allowance, optionally limited to some class types.</summary>
public sealed class MembershipPlan : Entity, ITenantOwned, IDeactivatable
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
        var plan = new MembershipPlan { Id = id ?? Guid.CreateVersion7(now), OrganizationId = organizationId, IsActive = true };
        return plan.Rename(name).Bind(() => plan.ChangeTerms(allowance, classTypeIds, isTrial, hasBeenSold: false)).Map(() => plan);
    }

    public Result Rename(string name)
    {
        if (CleanText.Check(name, "name") is { } unclean) return unclean;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            return MembershipErrors.PlanNameInvalid;
        Name = name.Trim();
        return Result.Success();
    }

    /// <summary>
    /// The allowance, the class types covered and the trial flag are what a customer buys: once a
    /// membership of the plan was sold they are fixed (sell different terms as a new plan).
    /// Setting them to what they already are is always allowed.
    /// </summary>
    public Result ChangeTerms(Allowance allowance, IEnumerable<Guid>? classTypeIds, bool isTrial, bool hasBeenSold)
    {
        if (allowance.IsUnlimited ? allowance.Classes is not null : allowance.Classes is null or < 1) return MembershipErrors.AllowanceInvalid;
        var types = classTypeIds?.Distinct().ToArray() ?? [];
        var unchanged = allowance == Allowance && isTrial == IsTrial && types.Order().SequenceEqual(ClassTypeIds.Order());
        if (unchanged) return Result.Success();
        if (hasBeenSold) return MembershipErrors.PlanTermsLocked;
        Allowance = allowance;
        ClassTypeIds = types;
        IsTrial = isTrial;
        return Result.Success();
    }

    /// <summary>No longer for sale; memberships already sold keep working.</summary>
    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public Result EnsureCanBeSold() => IsActive ? Result.Success() : MembershipErrors.PlanInactive;
}
