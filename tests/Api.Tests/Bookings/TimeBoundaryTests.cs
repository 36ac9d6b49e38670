using System.Net;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Bookings;

/// <summary>
/// The booking rules at their time boundaries (found by a helper attacking them; each test failed before its fix):
/// a pack's expiry against the class's start, an open pause that begins later, a local day whose midnight repeats,
/// the period a yearly allowance counts.
/// The clock never moves in this class: it stays at <see cref="ApiFactory.Start"/> (Monday 2026-06-01 08:00Z).
/// </summary>
public sealed class TimeBoundaryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private DateTimeOffset Now => api.Clock.GetUtcNow();

    private static object Policy(string name, string timeZone, int opensDaysBefore) => new
    {
        name, timeZone, country = "GB",
        policy = new
        {
            bookingOpensDaysBefore = opensDaysBefore, bookingClosesMinutesBefore = 0, lateCancelHours = 12, lateCancelForfeitsCredit = true,
            waitlistCap = 10, promotionCutoffMinutes = 60, dropInsForLeadsAndTrials = false,
        },
    };

    private static async Task<Guid> SessionAtAsync(TestStudio studio, Guid classType, DateTimeOffset startsAt) =>
        (await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = classType, startsAt, capacity = 10 })).Id();

    private static Task<HttpResponseMessage> BookAsync(TestStudio studio, Guid customer, Guid session, object? payment = null) =>
        studio.PostAsync("/api/v1/bookings", payment is null ? new { customerId = customer, sessionId = session } : new { customerId = customer, sessionId = session, payment });

    // ---------------------------------------------------------------------------------------------
    // 1. A class pack pays for a class that starts after the pack has expired.
    // ---------------------------------------------------------------------------------------------

    /// <summary>
    /// A pack valid for N days is sold now; a class that starts after the pack's expiry is booked while the pack is still
    /// valid. The pack must not pay for it: its credits are valid for N days (SellPack: "its credits are valid from now for
    /// the product's validity days"), a membership is checked against the class's date (Membership.CanCover), and
    /// docs/adr/0022 only accepts "a pack that expires before the new time still paid" as a consequence of a *reschedule*
    /// not being re-checked, i.e. at booking the class's time is what counts.
    /// </summary>
    [Theory]
    [InlineData(7, 9 * 24, false)]        // expires 2026-06-08 08:00Z, class 2026-06-10
    [InlineData(1, 2 * 24, false)]        // a one-day pass, class the day after tomorrow
    [InlineData(10, 13 * 24 + 1, false)]  // class 3 days after the expiry
    [InlineData(3, 3 * 24, false)]        // class starts exactly at the expiry instant (IsExpired: now >= ExpiresAt)
    [InlineData(3, 3 * 24, true)]         // the same, with the pack chosen explicitly
    [InlineData(5, 12 * 24, true)]
    public async Task APackThatExpiresBeforeTheClassStarts_DoesNotPayForIt(int validityDays, int classHoursFromNow, bool chooseThePack)
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var customer = await studio.CustomerAsync();
        var product = (await studio.CreatedAsync("/api/v1/pack-products", new { name = $"{validityDays}-day pass", credits = 5, validityDays })).Id();
        var sold = await studio.CreatedAsync($"/api/v1/customers/{customer}/packs", new { productId = product });
        var pack = sold.Id();
        var expiresAt = sold.GetProperty("expiresAt").GetDateTimeOffset();
        var session = await SessionAtAsync(studio, yoga, Now.AddHours(classHoursFromNow));
        Now.AddHours(classHoursFromNow).Should().BeOnOrAfter(expiresAt, "the class starts once the pack has expired (arrangement)");

        var response = await BookAsync(studio, customer, session, chooseThePack ? new { method = "pack", id = pack } : null);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity,
            $"a pack expiring at {expiresAt:u} cannot pay for a class at {Now.AddHours(classHoursFromNow):u}; got {body}");
        body.Should().Contain("pack.expired");
        await using var db = api.OwnerDbContext();
        (await db.ClassPacks.AsNoTracking().SingleAsync(p => p.Id == pack)).CreditsRemaining.Should().Be(5, "no credit of the pack is spent");
    }

    // ---------------------------------------------------------------------------------------------
    // 2. An open-ended pause that starts in the future pauses the membership from today.
    // ---------------------------------------------------------------------------------------------

    /// <summary>
    /// A member pauses from a later date "until resumed" (PauseMembershipCommand: From is "the first local date it is
    /// paused"). A class before that date must still be covered, exactly as it is when the same pause has an end date
    /// (Pause_WhenDatedBothWays_StaysActiveButOutOfForceInsideThePause). Before the fix: 422 payment.none_available with
    /// membership.paused ("The membership is paused on the class's date"), which it is not.
    /// </summary>
    [Theory]
    [InlineData("2026-06-10", 2)]   // pause from next Wednesday, class this Wednesday
    [InlineData("2026-06-03", 1)]   // pause from Wednesday, class on Tuesday
    [InlineData("2026-06-14", 12)]  // class the day before the pause
    public async Task AnOpenEndedPauseFromALaterDate_StillCoversClassesBeforeIt(string pauseFrom, int classDaysFromNow)
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var withEnd = await studio.CustomerAsync("Dated", "Pause");
        var openEnded = await studio.CustomerAsync("Open", "Pause");
        var datedMembership = await studio.MembershipAsync(withEnd, "month", 8);
        var openMembership = await studio.MembershipAsync(openEnded, "month", 8);
        var pauseEnd = DateOnly.Parse(pauseFrom).AddDays(30).ToString("yyyy-MM-dd");
        await (await studio.PostAsync($"/api/v1/memberships/{datedMembership}/pause", new { from = pauseFrom, until = pauseEnd })).ShouldBe(HttpStatusCode.OK);
        await (await studio.PostAsync($"/api/v1/memberships/{openMembership}/pause", new { from = pauseFrom })).ShouldBe(HttpStatusCode.OK);
        var session = await SessionAtAsync(studio, yoga, Now.AddDays(classDaysFromNow).AddHours(9));

        var dated = await BookAsync(studio, withEnd, session);
        var open = await BookAsync(studio, openEnded, session);

        await dated.ShouldBe(HttpStatusCode.Created); // the control: a pause with an end leaves the class before it covered
        (await dated.JsonAsync()).GetProperty("membershipId").GetGuid().Should().Be(datedMembership);
        await open.ShouldBe(HttpStatusCode.Created);
        (await open.JsonAsync()).GetProperty("membershipId").GetGuid().Should().Be(openMembership);
    }

    /// <summary>
    /// The same pause makes the customer lapsed on the day it is recorded, days before it starts, while the same pause
    /// with an end date leaves them a member. ARCHITECTURE.md: "member" is a membership "in force on the studio's local
    /// date" (active, running, not paused); today it is not paused.
    /// </summary>
    [Fact]
    public async Task AnOpenEndedPauseFromALaterDate_LeavesTheCustomerAMemberUntilItStarts()
    {
        var studio = await api.StudioAsync();
        var openEnded = await studio.CustomerAsync("Open", "Pause");
        var dated = await studio.CustomerAsync("Dated", "Pause");
        var openMembership = await studio.MembershipAsync(openEnded, "week", 2);
        var datedMembership = await studio.MembershipAsync(dated, "week", 2);

        var datedPause = await (await studio.PostAsync($"/api/v1/memberships/{datedMembership}/pause", new { from = "2026-06-15", until = "2026-07-15" })).JsonAsync();
        var openPause = await (await studio.PostAsync($"/api/v1/memberships/{openMembership}/pause", new { from = "2026-06-15" })).JsonAsync();

        datedPause.Str("customerStatus").Should().Be("member");
        openPause.Str("customerStatus").Should().Be("member", "the pause only begins on 2026-06-15");
        var customer = await (await studio.GetAsync($"/api/v1/customers/{openEnded}")).JsonAsync();
        customer.Str("status").Should().Be("member");
    }

    // ---------------------------------------------------------------------------------------------
    // 4. The balance of a yearly allowance names no period.
    // ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Every limited allowance names the period it counts, a calendar year's too (it answered periodFrom and periodUntil
    /// null before, as for an unlimited plan, so a frontend could not say when the classes come back).
    /// </summary>
    [Theory]
    [InlineData("week", "2026-06-01", "2026-06-07")]
    [InlineData("month", "2026-06-01", "2026-06-30")]
    [InlineData("year", "2026-01-01", "2026-12-31")]
    public async Task TheBalanceOfALimitedAllowance_NamesThePeriodItCounts(string period, string from, string until)
    {
        var studio = await api.StudioAsync();
        var member = await studio.CustomerAsync();
        var membership = await studio.MembershipAsync(member, period, 12);
        await studio.BookingAsync(member, await SessionAtAsync(studio, await studio.ClassTypeAsync(), Now.AddDays(2)));

        var balance = await (await studio.GetAsync($"/api/v1/customers/{member}/balance")).JsonAsync();

        var row = balance.GetProperty("memberships").EnumerateArray().Single(m => m.Id() == membership);
        (row.GetProperty("usedThisPeriod").GetInt32(), row.GetProperty("remaining").GetInt32()).Should().Be((1, 11));
        (row.Str("periodFrom"), row.Str("periodUntil")).Should().Be((from, until));
    }

    // ---------------------------------------------------------------------------------------------
    // 3. A local day whose midnight happens twice (America/Havana, 2026-11-01) starts an hour late.
    // ---------------------------------------------------------------------------------------------

    // Cuba falls back on the first Sunday of November at 01:00 CDT to 00:00 CST; in 2026 that is 1 November, so the
    // hour 00:00-01:00 of the first day of the month happens twice: 04:00-05:00Z (UTC-4), then 05:00-06:00Z (UTC-5).
    private static readonly DateTimeOffset HavanaNovemberFirstHalfPastMidnight = new(2026, 11, 1, 4, 30, 0, TimeSpan.Zero); // 00:30 CDT, 1 Nov

    /// <summary>
    /// A monthly member with 1 class a month books a class at 00:30 on 1 November (first occurrence, local date 1 Nov
    /// as every response shows it). That class must be November's: October stays free, a second November class is
    /// refused. Before the fix it was counted in October (CustomerAccount.UsedInPeriod counts from StartOfDay(1 Nov) =
    /// 05:00Z, the second midnight), so an October class was refused and a second November class accepted.
    /// </summary>
    [Fact]
    public async Task AClassInTheFirstHourOfAMonthWhoseMidnightRepeats_IsCountedInThatMonth()
    {
        var studio = await api.StudioAsync("America/Havana");
        await (await studio.PutAsync("/api/v1/organization", Policy("Havana Fit", "America/Havana", 365))).ShouldBe(HttpStatusCode.OK);
        var yoga = await studio.ClassTypeAsync();
        var member = await studio.CustomerAsync();
        await studio.MembershipAsync(member, "month", 1);
        var firstHour = await SessionAtAsync(studio, yoga, HavanaNovemberFirstHalfPastMidnight);
        var october = await SessionAtAsync(studio, yoga, new DateTimeOffset(2026, 10, 20, 22, 0, 0, TimeSpan.Zero));
        var laterNovember = await SessionAtAsync(studio, yoga, new DateTimeOffset(2026, 11, 15, 23, 0, 0, TimeSpan.Zero));

        var booked = await BookAsync(studio, member, firstHour);
        await booked.ShouldBe(HttpStatusCode.Created);
        (await booked.JsonAsync()).Str("startsAtLocal").Should().StartWith("2026-11-01T00:30:00", "the class is on 1 November in Havana");

        var octoberBooking = await BookAsync(studio, member, october);
        var secondNovember = await BookAsync(studio, member, laterNovember);
        var octoberBody = await octoberBooking.Content.ReadAsStringAsync();
        octoberBooking.StatusCode.Should().Be(HttpStatusCode.Created, $"October has no class booked yet; got {octoberBody}");
        var novemberBody = await secondNovember.Content.ReadAsStringAsync();
        secondNovember.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, $"November's one class is spent; got {novemberBody}");
        novemberBody.Should().Contain("membership.allowance_used");
    }

    /// <summary>
    /// The timetable for local dates lists a class on the date its own startsAtLocal shows. Before the fix the 00:30 class of
    /// 1 November was listed under 31 October and missing from 1 November (ListSessions bounds the range with StartOfDay, which took the second midnight).
    /// </summary>
    [Fact]
    public async Task TheTimetableOfADayWhoseMidnightRepeats_ListsItsFirstHour()
    {
        var studio = await api.StudioAsync("America/Havana");
        await (await studio.PutAsync("/api/v1/organization", Policy("Havana Fit", "America/Havana", 365))).ShouldBe(HttpStatusCode.OK);
        var session = await SessionAtAsync(studio, await studio.ClassTypeAsync(), HavanaNovemberFirstHalfPastMidnight);

        var november1 = await (await studio.GetAsync("/api/v1/sessions?from=2026-11-01&to=2026-11-01")).JsonAsync();
        var october31 = await (await studio.GetAsync("/api/v1/sessions?from=2026-10-31&to=2026-10-31")).JsonAsync();

        november1.EnumerateArray().Select(s => s.Id()).Should().Contain(session, "its startsAtLocal is 2026-11-01T00:30-04:00");
        october31.EnumerateArray().Select(s => s.Id()).Should().NotContain(session);
    }
}
