using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Organizations;

public sealed class OrganizationTests
{
    private static Organization London => A.Organization.Build();

    private static Organization NewYork => A.Organization.InZone("America/New_York", "US").Build();

    [Fact]
    public void Create_WhenValid_NormalisesSlugAndCountryAndStartsWithTheDefaultPolicy()
    {
        var organization = Organization.Create(A.StudioId, " Northside Yoga ", " North-Side ", "Europe/London", "gb", TestClock.Start).ShouldSucceed();

        organization.Should().BeEquivalentTo(new
        {
            Id = A.StudioId,
            Name = "Northside Yoga",
            Slug = "north-side",
            TimeZone = "Europe/London",
            Country = "GB",
            CreatedAt = TestClock.Start,
        });
        organization.Policy.Should().Be(BookingPolicy.Default);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Londres")]
    [InlineData("localtime")] // a zone file, not a zone: the host's own setting, which differs from one server to the next
    [InlineData("posixrules")]
    [InlineData("posix/Europe/London")]
    [InlineData("right/UTC")]
    [InlineData("")]
    public void Create_WhenTimeZoneIsUnknown_FailsWithTimeZoneUnknown(string timeZone) =>
        Organization.Create(A.StudioId, "Studio", "studio", timeZone, "GB", TestClock.Start).ShouldFailWith("organization.time_zone_unknown");

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("UTC")]
    [InlineData("Etc/GMT+5")]
    [InlineData("EST5EDT")]
    [InlineData("America/Argentina/Buenos_Aires")]
    public void Create_WithAnIanaTimeZone_Succeeds(string timeZone) =>
        Organization.Create(A.StudioId, "Studio", "studio", timeZone, "GB", TestClock.Start).ShouldSucceed().TimeZone.Should().Be(timeZone);

    [Theory]
    [InlineData("GBR")]
    [InlineData("G")]
    [InlineData("")]
    [InlineData("G1")]
    public void Create_WhenCountryIsNotTwoLetters_FailsWithCountryInvalid(string country) =>
        Organization.Create(A.StudioId, "Studio", "studio", "Europe/London", country, TestClock.Start).ShouldFailWith("organization.country_invalid");

    [Theory]
    [InlineData(0, 30, "2026-03-29T00:30:00Z")]
    [InlineData(9, 0, "2026-03-29T08:00:00Z")]
    public void AtLocal_OnLondonsSpringForwardDay_UsesGmtBeforeTheJumpAndBstAfter(int hour, int minute, string expected) =>
        London.AtLocal(new DateOnly(2026, 3, 29), new TimeOnly(hour, minute)).Should().Be(DateTimeOffset.Parse(expected, null));

    [Fact]
    public void AtLocal_OnTheDaysAroundLondonsChange_KeepsTheWallClockTime()
    {
        London.AtLocal(new DateOnly(2026, 3, 28), new TimeOnly(9, 0)).Should().Be(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero));
        London.AtLocal(new DateOnly(2026, 3, 30), new TimeOnly(9, 0)).Should().Be(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero));
        London.AtLocal(new DateOnly(2026, 10, 25), new TimeOnly(9, 0)).Should().Be(new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(1, 0, "2026-03-29T01:00:00Z")]
    [InlineData(1, 30, "2026-03-29T01:30:00Z")]
    public void AtLocal_WhenLondonSkipsTheTime_MovesItForwardByTheGap(int hour, int minute, string expected) =>
        London.AtLocal(new DateOnly(2026, 3, 29), new TimeOnly(hour, minute)).Should().Be(DateTimeOffset.Parse(expected, null));

    [Fact]
    public void AtLocal_InNewYorkAcrossTheSpringChange_FollowsEstThenEdt()
    {
        NewYork.AtLocal(new DateOnly(2026, 3, 7), new TimeOnly(9, 0)).Should().Be(new DateTimeOffset(2026, 3, 7, 14, 0, 0, TimeSpan.Zero));
        NewYork.AtLocal(new DateOnly(2026, 3, 8), new TimeOnly(9, 0)).Should().Be(new DateTimeOffset(2026, 3, 8, 13, 0, 0, TimeSpan.Zero));
        NewYork.AtLocal(new DateOnly(2026, 11, 1), new TimeOnly(9, 0)).Should().Be(new DateTimeOffset(2026, 11, 1, 14, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void AtLocal_WhenNewYorkSkipsTheTime_MovesItForwardByTheGap() =>
        NewYork.AtLocal(new DateOnly(2026, 3, 8), new TimeOnly(2, 30)).Should().Be(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero));

    [Fact]
    public void AtLocal_Always_ReturnsAUtcOffset() =>
        London.AtLocal(new DateOnly(2026, 7, 1), new TimeOnly(18, 0)).Offset.Should().Be(TimeSpan.Zero);

    [Theory]
    [InlineData("2026-06-01T22:59:00Z", "2026-06-01")]
    [InlineData("2026-06-01T23:00:00Z", "2026-06-02")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")]
    public void LocalDate_InLondon_IsTheDateOnTheStudiosWallCalendar(string instant, string date) =>
        London.LocalDate(DateTimeOffset.Parse(instant, null)).Should().Be(DateOnly.Parse(date, null));

    [Fact]
    public void LocalDate_InNewYork_IsTheDayBeforeForAnEarlyUtcInstant() =>
        NewYork.LocalDate(new DateTimeOffset(2026, 6, 2, 2, 0, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 6, 1));

    [Fact]
    public void LocalTime_InSummer_IsTheWallClockWithTheBstOffset()
    {
        var local = London.LocalTime(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));

        (local.DateTime, local.Offset).Should().Be((new DateTime(2026, 6, 1, 9, 0, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void StartOfDay_InSummer_IsMidnightBst() =>
        London.StartOfDay(new DateOnly(2026, 6, 2)).Should().Be(new DateTimeOffset(2026, 6, 1, 23, 0, 0, TimeSpan.Zero));

    [Fact]
    public void UpdatePolicy_WhenValid_ReplacesThePolicy()
    {
        var organization = London;
        var policy = new BookingPolicy { LateCancelHours = 24, DropInsForLeadsAndTrials = false };

        organization.UpdatePolicy(policy).ShouldSucceed();

        organization.Policy.Should().Be(policy);
    }

    [Theory]
    [MemberData(nameof(NegativePolicies))]
    public void UpdatePolicy_WhenAValueIsNegative_FailsWithPolicyInvalidAndKeepsTheOldPolicy(BookingPolicy policy)
    {
        var organization = London;

        organization.UpdatePolicy(policy).ShouldFailWith("organization.policy_invalid");

        organization.Policy.Should().Be(BookingPolicy.Default);
    }

    public static TheoryData<BookingPolicy> NegativePolicies => new()
    {
        new BookingPolicy { BookingOpensDaysBefore = -1 },
        new BookingPolicy { BookingClosesMinutesBefore = -1 },
        new BookingPolicy { LateCancelHours = -1 },
        new BookingPolicy { WaitlistCap = -1 },
        new BookingPolicy { PromotionCutoffMinutes = -1 },
    };

    [Fact]
    public void UpdateSettings_WhenValid_ReplacesNameZoneCountryAndPolicy_AndKeepsTheSlug()
    {
        var organization = London;
        var policy = new BookingPolicy { WaitlistCap = 3, LateCancelHours = 24 };

        organization.UpdateSettings(" Northside Studio ", "Europe/Dublin", "ie", policy).ShouldSucceed();

        (organization.Name, organization.TimeZone, organization.Country, organization.Slug).Should().Be(("Northside Studio", "Europe/Dublin", "IE", "northside"));
        organization.Policy.Should().Be(policy);
    }

    [Theory]
    [InlineData(" ", "Europe/London", "GB", "organization.name_required")]
    [InlineData("Studio", "Nowhere/Else", "GB", "organization.time_zone_unknown")]
    [InlineData("Studio", "Europe/London", "G", "organization.country_invalid")]
    public void UpdateSettings_WhenAValueIsInvalid_FailsAndChangesNothing(string name, string timeZone, string country, string code)
    {
        var organization = London;

        organization.UpdateSettings(name, timeZone, country, new BookingPolicy { WaitlistCap = 1 }).ShouldFailWith(code);

        (organization.Name, organization.TimeZone, organization.Policy).Should().Be(("Northside Yoga", "Europe/London", BookingPolicy.Default));
    }

    [Theory]
    [InlineData(3651, 0, 12, 10, 60)]
    [InlineData(0, 30, 12, 10, 60)]
    [InlineData(14, 0, 87601, 10, 60)]
    [InlineData(14, 0, 12, 1001, 60)]
    [InlineData(14, 0, 12, 10, 5256001)]
    public void UpdateSettings_WhenAPolicyValueIsOutOfRange_FailsWithPolicyInvalid(int opens, int closes, int late, int cap, int cutoff) =>
        London.UpdateSettings("Studio", "Europe/London", "GB", new BookingPolicy
        {
            BookingOpensDaysBefore = opens, BookingClosesMinutesBefore = closes, LateCancelHours = late, WaitlistCap = cap, PromotionCutoffMinutes = cutoff,
        }).ShouldFailWith("organization.policy_invalid");

    [Theory]
    [InlineData("a")]
    [InlineData("-studio")]
    [InlineData("studio-")]
    [InlineData("two--hyphens")]
    [InlineData("under_score")]
    [InlineData("späti")]
    public void Create_WithAnInvalidSlug_FailsWithSlugInvalid(string slug) =>
        Organization.Create(A.StudioId, "Studio", slug, "Europe/London", "GB", TestClock.Start).ShouldFailWith("organization.slug_invalid");
}
