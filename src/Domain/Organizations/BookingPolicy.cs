namespace UnifiedCustomers.Domain.Organizations;

/// <summary>How a studio runs its bookings. The defaults are what most studios start with.</summary>
public sealed record BookingPolicy
{
    public int BookingOpensDaysBefore { get; init; } = 14;
    public int BookingClosesMinutesBefore { get; init; }
    public int LateCancelHours { get; init; } = 12;
    public bool LateCancelForfeitsCredit { get; init; } = true;
    public int WaitlistCap { get; init; } = 10;
    public int PromotionCutoffMinutes { get; init; } = 60;
    public bool DropInsForLeadsAndTrials { get; init; } = true;

    public static BookingPolicy Default { get; } = new();

    /// <summary>The longest window (about ten years), in days.</summary>
    public const int MaxWindowDays = 3650;

    public DateTimeOffset OpensAt(DateTimeOffset start) => start.AddDays(-BookingOpensDaysBefore);
    public DateTimeOffset ClosesAt(DateTimeOffset start) => start.AddMinutes(-BookingClosesMinutesBefore);
    public bool IsLateCancellation(DateTimeOffset start, DateTimeOffset now) => now > start.AddHours(-LateCancelHours);
    public bool PromotesAt(DateTimeOffset start, DateTimeOffset now) => now < start.AddMinutes(-PromotionCutoffMinutes);
}
