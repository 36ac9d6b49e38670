namespace UnifiedCustomers.Domain.Customers;

/// <summary>
/// A short-lived grant for one customer to act for themselves (a member app). The signed token the
/// holder presents names this row; the row decides whether it still counts: it expires, staff or
/// the holder can revoke it, and archiving (or erasing) the customer ends every one of them.
/// </summary>
public sealed class CustomerAccessToken : Entity, ITenantOwned
{
    public const int DefaultLifetimeMinutes = 60;
    public const int MinLifetimeMinutes = 5;
    public const int MaxLifetimeMinutes = 24 * 60;
    public const int LabelMaxLength = 100;

    private CustomerAccessToken() { }

    public Guid OrganizationId { get; private set; }
    public Guid CustomerId { get; private set; }
    /// <summary>Where it is used (a device, an app name); for staff listing tokens.</summary>
    public string? Label { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static Result<CustomerAccessToken> Issue(Customer customer, int lifetimeMinutes, string? label, DateTimeOffset now)
    {
        if (CleanText.Check(label, "label") is { } unclean) return unclean;
        if (customer.Status == LifecycleStatus.Archived) return CustomerErrors.Archived;
        if (lifetimeMinutes is < MinLifetimeMinutes or > MaxLifetimeMinutes) return CustomerAccessErrors.LifetimeOutOfRange;
        var trimmed = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        if (trimmed is { Length: > LabelMaxLength }) return CustomerAccessErrors.LabelTooLong;
        return new CustomerAccessToken
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = customer.OrganizationId,
            CustomerId = customer.Id,
            Label = trimmed,
            IssuedAt = now,
            ExpiresAt = now.AddMinutes(lifetimeMinutes),
        };
    }

    public Result Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null) return CustomerAccessErrors.AlreadyRevoked;
        RevokedAt = now;
        return Result.Success();
    }

    /// <summary>Whether the token still lets its holder in: not revoked, not expired, and the customer may act.</summary>
    public Result EnsureUsable(Customer customer, DateTimeOffset now)
    {
        if (customer.Id != CustomerId) return CustomerAccessErrors.Revoked;
        if (RevokedAt is not null || customer.Status == LifecycleStatus.Archived) return CustomerAccessErrors.Revoked;
        if (now >= ExpiresAt) return CustomerAccessErrors.Expired;
        return Result.Success();
    }
}
