using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;

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

    /// <summary>
    /// The evidence from a customer's memberships (in force on the studio's local date) and packs
    /// (current at the instant).
    /// </summary>
    /// <param name="boughtOtherProducts">the customer holds purchases not passed in (a batch loads only the current ones)</param>
    public static LifecycleEvidence From(
        IEnumerable<Membership> memberships, IEnumerable<ClassPack> packs, DateOnly today, DateTimeOffset now, bool boughtOtherProducts = false)
    {
        var (paid, trial, any) = (false, false, boughtOtherProducts);
        foreach (var membership in memberships)
        {
            any = true;
            if (!membership.IsInForceOn(today)) continue;
            if (membership.IsTrial) trial = true;
            else paid = true;
        }
        foreach (var pack in packs)
        {
            any = true;
            if (!pack.IsCurrent(now)) continue;
            if (pack.IsTrial) trial = true;
            else paid = true;
        }
        return new LifecycleEvidence(paid, trial, any);
    }
}
