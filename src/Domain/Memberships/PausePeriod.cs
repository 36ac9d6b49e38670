namespace UnifiedCustomers.Domain.Memberships;

/// <summary>A pause of a membership, from a date, until a date (exclusive) or open-ended.</summary>
public sealed record PausePeriod(DateOnly From, DateOnly? Until)
{
    public bool Covers(DateOnly date) => date >= From && (Until is null || date < Until);
}
