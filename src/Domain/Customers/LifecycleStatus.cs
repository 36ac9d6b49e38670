namespace UnifiedCustomers.Domain.Customers;

public enum LifecycleStatus
{
    Lead,
    Trial,
    Member,
    Lapsed,
    Archived,
}

/// <summary>What a customer holds now and has held, from which the lifecycle status follows.</summary>
/// <param name="HasCurrentPaid">an active, non-trial membership, or a pack with credits left and not expired</param>
/// <param name="HasCurrentTrial">an active trial membership, or a trial pack with credits left and not expired</param>
/// <param name="HasPastPurchase">any membership or pack at all, current or not</param>
public readonly record struct LifecycleEvidence(bool HasCurrentPaid, bool HasCurrentTrial, bool HasPastPurchase)
{
    public static LifecycleEvidence Nothing => default;
}
