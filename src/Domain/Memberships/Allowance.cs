namespace UnifiedCustomers.Domain.Memberships;

public enum AllowancePeriod
{
    Unlimited,
    Week,
    Month,
    Term,
    /// <summary>A calendar year in the studio's zone (legacy yearly plans).</summary>
    Year,
}

/// <summary>How many classes a membership covers, and over which period. Usage is always counted from bookings.</summary>
public readonly record struct Allowance(AllowancePeriod Period, int? Classes)
{
    public static Allowance Unlimited => new(AllowancePeriod.Unlimited, null);

    public bool IsUnlimited => Period == AllowancePeriod.Unlimited;
}
