using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Domain.Packs;

public enum PackStatus
{
    Active,
    Refunded,
}

/// <summary>
/// A customer's class pack. Credits remaining stay between 0 and the total (a CHECK backs it); the
/// booking that spends a credit holds the pack's row lock.
/// </summary>
public sealed class ClassPack : Entity, ITenantOwned
{
    private ClassPack() { }

    public Guid OrganizationId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid ProductId { get; private set; }
    public int CreditsTotal { get; private set; }
    public int CreditsRemaining { get; private set; }
    public Guid[] ClassTypeIds { get; private set; } = [];
    public bool IsTrial { get; private set; }
    public PackStatus Status { get; private set; }
    public DateTimeOffset PurchasedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    /// <summary>When the daily run noticed that the pack expired with credits left (and published pack.expired).</summary>
    public DateTimeOffset? ExpiryRecordedAt { get; private set; }

    public static Result<ClassPack> Sell(Customer customer, PackProduct product, DateTimeOffset now, Guid? id = null) =>
        customer.EnsureCanBook().Bind(product.EnsureCanBeSold).Map(() => New(customer, product, now, id));

    private static ClassPack New(Customer customer, PackProduct product, DateTimeOffset now, Guid? id)
    {
        var pack = new ClassPack
        {
            Id = id ?? Guid.CreateVersion7(now),
            OrganizationId = customer.OrganizationId,
            CustomerId = customer.Id,
            ProductId = product.Id,
            CreditsTotal = product.Credits,
            CreditsRemaining = product.Credits,
            ClassTypeIds = product.ClassTypeIds,
            IsTrial = product.IsTrial,
            Status = PackStatus.Active,
            PurchasedAt = now,
            ExpiresAt = now.AddDays(product.ValidityDays),
        };
        pack.Raise(new PackSold(pack));
        return pack;
    }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is not null && now >= ExpiresAt;

    private static readonly Criterion<ClassPack, DateTimeOffset> CurrentRule = Criterion<ClassPack>.Of<DateTimeOffset>((p, at) =>
        p.Status == PackStatus.Active && p.CreditsRemaining > 0 && (p.ExpiresAt == null || p.ExpiresAt > at));

    /// <summary>Counts towards "member" or "trial": active, credits left, not expired at that instant.</summary>
    public static Criterion<ClassPack> Current(DateTimeOffset at) => CurrentRule.At(at);

    /// <inheritdoc cref="Current"/>
    public bool IsCurrent(DateTimeOffset now) => CurrentRule.IsSatisfiedBy(this, now);

    /// <summary>Whether this pack may pay for a class: one that starts before the pack expires, of a type it covers.</summary>
    public Result CanPay(Guid classTypeId, DateTimeOffset classStartsAt)
    {
        if (Status != PackStatus.Active || IsExpired(classStartsAt)) return PackErrors.Expired;
        if (ClassTypeIds.Length > 0 && !ClassTypeIds.Contains(classTypeId)) return PackErrors.ClassTypeNotCovered;
        if (CreditsRemaining <= 0) return PackErrors.NoCredits;
        return Result.Success();
    }

    public Result Consume(Guid classTypeId, DateTimeOffset classStartsAt)
    {
        return CanPay(classTypeId, classStartsAt).Tap(() =>
        {
            CreditsRemaining--;
            if (CreditsRemaining == 0) Raise(new PackExhausted(this));
        });
    }

    /// <summary>Gives a credit back (a timely cancellation, a cancelled class). Never above the total.</summary>
    public void Refund(DateTimeOffset now)
    {
        if (CreditsRemaining >= CreditsTotal) return;
        // Whoever acted on pack.exhausted (offer a new pack) hears that it pays again, if it still can.
        if (CreditsRemaining == 0 && Status == PackStatus.Active && !IsExpired(now)) RaiseOnce(new PackReplenished(this));
        CreditsRemaining++;
    }

    private static readonly Criterion<ClassPack, DateTimeOffset> ExpiryToRecordRule = Criterion<ClassPack>.Of<DateTimeOffset>((p, at) =>
        p.Status == PackStatus.Active && p.CreditsRemaining > 0 && p.ExpiryRecordedAt == null && p.ExpiresAt != null && p.ExpiresAt <= at);

    /// <summary>Expired at that instant with credits left, and the expiry not yet recorded.</summary>
    public static Criterion<ClassPack> ExpiryToRecord(DateTimeOffset at) => ExpiryToRecordRule.At(at);

    /// <summary>Expiry is a moment, not a change anyone makes: the daily run records it once, for packs that still had credits.</summary>
    public bool RecordExpiry(DateTimeOffset now)
    {
        if (!ExpiryToRecordRule.IsSatisfiedBy(this, now)) return false;
        ExpiryRecordedAt = now;
        Raise(new PackExpired(this));
        return true;
    }

    internal void MoveTo(Customer survivor) => CustomerId = survivor.Id;
}
