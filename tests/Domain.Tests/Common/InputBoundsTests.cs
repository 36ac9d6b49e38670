using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Common;

/// <summary>
/// The accepted range is 1900-01-01..2200-12-31: every date calculation of the domain is total over
/// it (checked at both edges, for every allowance period, zone and weekday pattern), and the
/// aggregates refuse what lies outside it, and text with control characters.
/// </summary>
public sealed class InputBoundsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Every day of the first and the last 400 days of the range.</summary>
    public static IEnumerable<DateOnly> EdgeDays() =>
        Enumerable.Range(0, 400).Select(DateBounds.Min.AddDays).Concat(Enumerable.Range(0, 400).Select(i => DateBounds.Max.AddDays(-i)));

    private static readonly string[] Zones = ["Pacific/Kiritimati", "Etc/GMT+12", "Europe/London", "America/St_Johns", "Australia/Lord_Howe", "UTC"];

    [Theory]
    [InlineData(AllowancePeriod.Week)]
    [InlineData(AllowancePeriod.Month)]
    [InlineData(AllowancePeriod.Term)]
    [InlineData(AllowancePeriod.Year)]
    public void PeriodContaining_IsTotal_AtTheEdgesOfTheRange(AllowancePeriod period)
    {
        var customer = A.Customer.Build();
        var plan = MembershipPlan.Create(customer.OrganizationId, "Plan", new Allowance(period, 4), null, false, Now).ShouldSucceed();
        var openEnded = Membership.Sell(customer, plan, DateBounds.Min, null, Now).ShouldSucceed();
        var lastDay = Membership.Sell(customer, plan, DateBounds.Min, DateBounds.Max, Now).ShouldSucceed();

        foreach (var day in EdgeDays())
        {
            foreach (var membership in new[] { openEnded, lastDay })
            {
                var (from, until) = membership.PeriodContaining(day);
                from.Should().BeOnOrBefore(day);
                until.Should().BeAfter(day);
                membership.CanCover(day, Guid.NewGuid()).ShouldSucceed();
                membership.IsInForceOn(day).Should().BeTrue();
            }
        }
    }

    [Fact]
    public void LocalDayArithmetic_IsTotal_AtTheEdges_InEveryKindOfZone()
    {
        foreach (var zone in Zones)
        {
            var organization = A.Organization.InZone(zone, "GB").Build();
            foreach (var day in EdgeDays().Where((_, i) => i % 7 == 0).Append(DateBounds.Min).Append(DateBounds.Max))
            {
                var start = organization.StartOfDay(day);
                organization.LocalDate(start).Should().Be(day, $"in {zone}");
                organization.AtLocal(day, new TimeOnly(23, 59)).Should().BeAfter(start);
                organization.StartOfDay(day.AddDays(1)).Should().BeAfter(start);
            }
        }
    }

    [Fact]
    public void BookingWindows_AreTotal_ForSessionsAtTheEdges_WithTheLongestPolicy()
    {
        var longest = new BookingPolicy
        {
            BookingOpensDaysBefore = BookingPolicy.MaxWindowDays, BookingClosesMinutesBefore = BookingPolicy.MaxWindowDays * 1440,
            LateCancelHours = BookingPolicy.MaxWindowDays * 24, PromotionCutoffMinutes = BookingPolicy.MaxWindowDays * 1440,
        };
        A.Organization.Build().UpdatePolicy(longest).ShouldSucceed();
        A.Organization.Build().UpdatePolicy(longest with { BookingOpensDaysBefore = BookingPolicy.MaxWindowDays + 1 }).ShouldFailWith("organization.policy_invalid");
        A.Organization.Build().UpdatePolicy(longest with { LateCancelHours = int.MaxValue }).ShouldFailWith("organization.policy_invalid");

        foreach (var start in new[] { DateBounds.MinInstant, DateBounds.EndInstant.AddTicks(-1) })
        {
            longest.OpensAt(start).Should().BeBefore(start);
            longest.ClosesAt(start).Should().BeBefore(start);
            longest.IsLateCancellation(start, start).Should().BeTrue();
            longest.PromotesAt(start, start).Should().BeFalse();
        }
    }

    [Fact]
    public void Occurrences_StopAtTheEndOfTheRange_AndRefuseDatesOutsideIt()
    {
        var all = Enum.GetValues<DayOfWeek>();
        StandingBooking.Occurrences(all, DateBounds.Max.AddDays(-3), null, StandingBooking.MaxOccurrences).ShouldSucceed()
            .Should().HaveCount(4).And.OnlyContain(d => d <= DateBounds.Max);
        StandingBooking.Occurrences(all, DateBounds.Max, DateBounds.Max, null).ShouldSucceed().Should().Equal(DateBounds.Max);
        StandingBooking.Occurrences(all, new DateOnly(9999, 1, 1), new DateOnly(9999, 12, 31), null).ShouldFailWith(DateBounds.Code);
        StandingBooking.Occurrences(all, DateBounds.Min.AddDays(-1), null, 2).ShouldFailWith(DateBounds.Code);
    }

    [Fact]
    public void Memberships_RefuseDatesOutsideTheRange_AndEndingBeforeTheStart()
    {
        var customer = A.Customer.Build();
        var plan = MembershipPlan.Create(customer.OrganizationId, "Term", new Allowance(AllowancePeriod.Term, 10), null, false, Now).ShouldSucceed();

        Membership.Sell(customer, plan, new DateOnly(2026, 6, 1), DateOnly.MaxValue, Now).ShouldFailWith(DateBounds.Code);
        Membership.Sell(customer, plan, DateBounds.Min.AddDays(-1), null, Now).ShouldFailWith(DateBounds.Code);
        Membership.Sell(customer, plan, DateBounds.Max, DateBounds.Max, Now).ShouldSucceed();

        var membership = Membership.Sell(customer, plan, new DateOnly(2026, 7, 1), null, Now).ShouldSucceed();
        membership.Pause(new DateOnly(2026, 7, 2), DateBounds.Max.AddDays(1), Now).ShouldFailWith(DateBounds.Code);
        membership.Resume(DateOnly.MinValue).ShouldFailWith(DateBounds.Code);
        membership.Cancel(new DateOnly(2026, 6, 30), Now).ShouldFailWith("membership.dates_invalid");
        membership.Cancel(DateOnly.MaxValue, Now).ShouldFailWith(DateBounds.Code);
        membership.Status.Should().Be(MembershipStatus.Active);
        membership.EndDate.Should().BeNull();
        membership.Cancel(new DateOnly(2026, 7, 1), Now).ShouldSucceed();
    }

    [Fact]
    public void Sessions_RefuseInstantsOutsideTheRange()
    {
        var type = ClassType.Create(A.StudioId, "Flow", 10, 60, Now).ShouldSucceed();
        ClassSession.Schedule(type, DateTimeOffset.MaxValue.AddDays(-2), null, null, null, null, Now).ShouldFailWith(DateBounds.Code);
        ClassSession.Schedule(type, DateBounds.MinInstant.AddTicks(-1), null, null, null, null, Now).ShouldFailWith(DateBounds.Code);
        ClassSession.Schedule(type, DateBounds.EndInstant.AddHours(-1), null, null, null, null, Now).ShouldSucceed();
        var session = ClassSession.Schedule(type, DateBounds.EndInstant.AddDays(-2), null, null, null, null, Now).ShouldSucceed();
        session.Reschedule(DateBounds.EndInstant, null, seatsTaken: 0, Now).ShouldFailWith(DateBounds.Code);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("a\u0007b")]
    [InlineData("\u001b[2J")]
    [InlineData("del\u007f")]
    [InlineData("c1\u0085c1")]
    [InlineData("line\nbreak")]
    public void Text_WithControlCharacters_IsRefusedByEveryAggregate(string text)
    {
        CleanText.IsClean(text).Should().BeFalse();
        Customer.Register(A.StudioId, text, "Last", null, null, null, Now).ShouldFailWith(CleanText.Code);
        Customer.Register(A.StudioId, "First", "Last", null, text, null, Now).ShouldFailWith(CleanText.Code);
        ClassType.Create(A.StudioId, text, 10, 60, Now).ShouldFailWith(CleanText.Code);
        MembershipPlan.Create(A.StudioId, text, Allowance.Unlimited, null, false, Now).ShouldFailWith(CleanText.Code);
        PackProduct.Create(A.StudioId, text, 5, 30, null, false, Now).ShouldFailWith(CleanText.Code);
        Instructor.Create(A.StudioId, text, Now).ShouldFailWith(CleanText.Code);
        Location.Create(A.StudioId, text, Now).ShouldFailWith(CleanText.Code);
        Organization.Create(Guid.NewGuid(), text, "slug", "UTC", "GB", Now).ShouldFailWith(CleanText.Code);
        A.Customer.Build().Archive(text, Now).ShouldFailWith(CleanText.Code);
    }

    [Fact]
    public void Text_WithUnpairedSurrogates_IsRefused_SurroundingWhitespaceIsNot()
    {
        CleanText.IsClean("lone " + (char)0xD800 + " high").Should().BeFalse();
        CleanText.IsClean((char)0xDC00 + " lone low").Should().BeFalse();
        CleanText.IsClean("ends with high " + (char)0xD83D).Should().BeFalse();
        ClassType.Create(A.StudioId, "x" + (char)0xD800, 10, 60, Now).ShouldFailWith(CleanText.Code);
        CleanText.IsClean("\tADA@EXAMPLE.COM\n").Should().BeTrue();
        CleanText.IsClean(" inside\tno ").Should().BeFalse();
    }

    [Fact]
    public void FreeText_KeepsLineBreaksAndTabs_AndRefusesTheRest()
    {
        var customer = A.Customer.Build();
        CustomerNote.Write(customer, "one\r\n\ttwo", null, Now).ShouldSucceed();
        CustomerNote.Write(customer, "one\u0000two", null, Now).ShouldFailWith(CleanText.Code);
        customer.UpdateDetails("A", "B", null, null, null, "line\nline", Now).ShouldSucceed();
        customer.UpdateDetails("A", "B", null, null, null, "bell\u0007", Now).ShouldFailWith(CleanText.Code);
        CleanText.IsClean("emoji 😀 and accents é", multiline: false).Should().BeTrue();
    }
}
