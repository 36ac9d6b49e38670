namespace UnifiedCustomers.Domain.Organizations;

/// <summary>
/// How a studio runs its bookings. The defaults are what most studios start with. A policy is read
/// when something happens (a booking, a cancellation, a promotion), so a change applies from then
/// on and never rewrites what was already decided.
/// </summary>
public sealed record BookingPolicy
{
    /// <summary>The longest window (about ten years), in days: window arithmetic on any session in DateBounds stays total.</summary>
    public const int MaxWindowDays = 3650;
    public const int MaxOpensDaysBefore = MaxWindowDays;
    public const int MaxClosesMinutesBefore = MaxWindowDays * 24 * 60;
    public const int MaxLateCancelHours = MaxWindowDays * 24;
    public const int MaxWaitlistCap = 1000;
    public const int MaxPromotionCutoffMinutes = MaxWindowDays * 24 * 60;

    public int BookingOpensDaysBefore { get; init; } = 14;
    public int BookingClosesMinutesBefore { get; init; }
    public int LateCancelHours { get; init; } = 12;
    public bool LateCancelForfeitsCredit { get; init; } = true;
    public int WaitlistCap { get; init; } = 10;
    public int PromotionCutoffMinutes { get; init; } = 60;
    public bool DropInsForLeadsAndTrials { get; init; } = true;

    public static BookingPolicy Default { get; } = new();

    /// <summary>Every value within its documented range (the first one out of range is named).</summary>
    public Result Validate()
    {
        if (BookingOpensDaysBefore is < 0 or > MaxOpensDaysBefore)
            return OrganizationErrors.PolicyOutOfRange("policy.bookingOpensDaysBefore", 0, MaxOpensDaysBefore);
        if (BookingClosesMinutesBefore is < 0 or > MaxClosesMinutesBefore)
            return OrganizationErrors.PolicyOutOfRange("policy.bookingClosesMinutesBefore", 0, MaxClosesMinutesBefore);
        if (BookingClosesMinutesBefore > BookingOpensDaysBefore * 24 * 60)
            return OrganizationErrors.PolicyClosesBeforeOpens;
        if (LateCancelHours is < 0 or > MaxLateCancelHours)
            return OrganizationErrors.PolicyOutOfRange("policy.lateCancelHours", 0, MaxLateCancelHours);
        if (WaitlistCap is < 0 or > MaxWaitlistCap)
            return OrganizationErrors.PolicyOutOfRange("policy.waitlistCap", 0, MaxWaitlistCap);
        if (PromotionCutoffMinutes is < 0 or > MaxPromotionCutoffMinutes)
            return OrganizationErrors.PolicyOutOfRange("policy.promotionCutoffMinutes", 0, MaxPromotionCutoffMinutes);
        return Result.Success();
    }

    public DateTimeOffset OpensAt(DateTimeOffset start) => start.AddDays(-BookingOpensDaysBefore);
    public DateTimeOffset ClosesAt(DateTimeOffset start) => start.AddMinutes(-BookingClosesMinutesBefore);
    public bool IsLateCancellation(DateTimeOffset start, DateTimeOffset now) => now > start.AddHours(-LateCancelHours);
    public bool PromotesAt(DateTimeOffset start, DateTimeOffset now) => now < start.AddMinutes(-PromotionCutoffMinutes);
}
