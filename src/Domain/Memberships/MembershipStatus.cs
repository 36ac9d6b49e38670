namespace UnifiedCustomers.Domain.Memberships;

public enum MembershipStatus
{
    Active,
    Paused,
    Cancelled,
    Expired,
}
