using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Domain.Tests.Organizations;

public sealed class BookingPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 15, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Default_IsWhatMostStudiosStartWith() =>
        BookingPolicy.Default.Should().BeEquivalentTo(new
        {
            BookingOpensDaysBefore = 14,
            BookingClosesMinutesBefore = 0,
            LateCancelHours = 12,
            LateCancelForfeitsCredit = true,
            WaitlistCap = 10,
            PromotionCutoffMinutes = 60,
            DropInsForLeadsAndTrials = true,
        });

    [Fact]
    public void OpensAt_ByDefault_IsFourteenDaysBeforeTheStart() =>
        BookingPolicy.Default.OpensAt(Start).Should().Be(Start.AddDays(-14));

    [Fact]
    public void ClosesAt_ByDefault_IsTheStart() =>
        BookingPolicy.Default.ClosesAt(Start).Should().Be(Start);

    [Fact]
    public void ClosesAt_WhenClosingThirtyMinutesBefore_IsThirtyMinutesBeforeTheStart() =>
        new BookingPolicy { BookingClosesMinutesBefore = 30 }.ClosesAt(Start).Should().Be(Start.AddMinutes(-30));

    [Fact]
    public void IsLateCancellation_WhenExactlyTwelveHoursBefore_IsNotLate() =>
        BookingPolicy.Default.IsLateCancellation(Start, Start.AddHours(-12)).Should().BeFalse();

    [Fact]
    public void IsLateCancellation_WhenInsideTwelveHours_IsLate() =>
        BookingPolicy.Default.IsLateCancellation(Start, Start.AddHours(-12).AddSeconds(1)).Should().BeTrue();

    [Fact]
    public void IsLateCancellation_WhenThePolicySaysTwentyFourHours_UsesIt() =>
        new BookingPolicy { LateCancelHours = 24 }.IsLateCancellation(Start, Start.AddHours(-13)).Should().BeTrue();

    [Fact]
    public void PromotesAt_WhenMoreThanTheCutoffBefore_Promotes() =>
        BookingPolicy.Default.PromotesAt(Start, Start.AddMinutes(-61)).Should().BeTrue();

    [Fact]
    public void PromotesAt_WhenAtOrInsideTheCutoff_DoesNotPromote()
    {
        BookingPolicy.Default.PromotesAt(Start, Start.AddMinutes(-60)).Should().BeFalse();
        BookingPolicy.Default.PromotesAt(Start, Start.AddMinutes(-5)).Should().BeFalse();
    }
}
