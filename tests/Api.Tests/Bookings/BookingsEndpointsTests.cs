using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Bookings;

public sealed class BookingsEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Book_WithPack_Is201WithWhatAFrontendShowsAPerson()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var customer = await studio.CustomerAsync();
        var pack = await studio.PackAsync(customer, credits: 5);
        var session = await studio.SessionAsync(yoga, TimeSpan.FromDays(1));

        var response = await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session });

        await response.ShouldBe(HttpStatusCode.Created);
        var booking = await response.JsonAsync();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/bookings/{booking.Id()}");
        booking.Str("status").Should().Be("confirmed");
        booking.Str("className").Should().Be("Vinyasa Flow");
        booking.Str("paymentMethod").Should().Be("pack");
        booking.GetProperty("packId").GetGuid().Should().Be(pack);
        booking.GetProperty("creditsRemaining").GetInt32().Should().Be(4);
        booking.Str("startsAtLocal").Should().EndWith("+01:00");
        booking.Str("timeZone").Should().Be("Europe/London");
    }

    [Fact]
    public async Task Book_Twice_Is409AlreadyBooked()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var lead = await studio.CustomerAsync();
        await studio.BookingAsync(lead, session);

        var again = await studio.PostAsync("/api/v1/bookings", new { customerId = lead, sessionId = session });

        await again.ShouldBeProblem(HttpStatusCode.Conflict, "booking.already_booked");
    }

    [Fact]
    public async Task Book_WithNothingToPayWith_Is422WithEveryReason()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var member = await studio.CustomerAsync();
        var pack = await studio.PackAsync(member, credits: 1);
        await studio.BookingAsync(member, await studio.SessionAsync(await studio.ClassTypeAsync("Barbell"), TimeSpan.FromDays(2)));

        var response = await studio.PostAsync("/api/v1/bookings", new { customerId = member, sessionId = session });

        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "payment.none_available");
        var reasons = problem.GetProperty("reasons").EnumerateArray().ToList();
        reasons.Select(r => r.Str("code")).Should().Equal("pack.no_credits", "payment.drop_in_not_allowed");
        reasons[0].Str("field").Should().Be(pack.ToString());
        reasons[0].Str("message").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Book_UnknownSession_Is404()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();

        var response = await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = Guid.NewGuid() });

        await response.ShouldBeProblem(HttpStatusCode.NotFound, "session.not_found");
    }

    [Fact]
    public async Task Book_FullClass_JoinsTheWaitlistWhenAsked_Else422()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1), capacity: 1);
        await studio.BookingAsync(await studio.CustomerAsync("First"), session);

        var refused = await studio.PostAsync("/api/v1/bookings", new { customerId = await studio.CustomerAsync("Second"), sessionId = session });
        var waiting = await studio.PostAsync("/api/v1/bookings", new { customerId = await studio.CustomerAsync("Third"), sessionId = session, joinWaitlistIfFull = true });

        await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.full");
        await waiting.ShouldBe(HttpStatusCode.Created);
        var booking = await waiting.JsonAsync();
        booking.Str("status").Should().Be("waitlisted");
        booking.GetProperty("waitlistPosition").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Batch_BestEffort_HasAnOutcomePerSession_AndAllOrNothingRefusesWithReasons()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var open = await studio.SessionAsync(yoga, TimeSpan.FromDays(1));
        var full = await studio.SessionAsync(yoga, TimeSpan.FromDays(2), capacity: 1);
        await studio.BookingAsync(await studio.CustomerAsync("Early"), full);
        var customer = await studio.CustomerAsync();

        var allOrNothing = await studio.PostAsync("/api/v1/bookings/batch", new { customerId = customer, sessionIds = new[] { open, full }, mode = "all_or_nothing" });
        var bestEffort = await studio.PostAsync("/api/v1/bookings/batch", new { customerId = customer, sessionIds = new[] { open, full }, mode = "best_effort" });

        var problem = await allOrNothing.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "booking.batch_refused");
        problem.GetProperty("reasons")[0].Str("code").Should().Be("session.full");
        await bestEffort.ShouldBe(HttpStatusCode.OK);
        var outcome = await bestEffort.JsonAsync();
        outcome.GetProperty("booked").GetInt32().Should().Be(1);
        outcome.GetProperty("outcomes")[1].Str("errorCode").Should().Be("session.full");
    }

    [Fact]
    public async Task Recurring_BooksEachMatchingSession_AndSaysWhyNotForTheOthers()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        // 2026-06-02 is a Tuesday; 18:00 in London is 17:00 UTC in June.
        await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = "2026-06-02T17:00:00Z" });
        var customer = await studio.CustomerAsync();

        var response = await studio.PostAsync("/api/v1/bookings/recurring", new
        {
            customerId = customer, classTypeId = yoga, weekdays = new[] { "tuesday" }, localTime = "18:00:00", fromDate = "2026-06-01", count = 2,
        });

        await response.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        result.GetProperty("booked").GetInt32().Should().Be(1);
        result.GetProperty("occurrences")[1].Str("errorCode").Should().Be("recurring.no_session");
        result.GetProperty("standingBookingId").GetGuid().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Eligibility_SaysWhatWouldHappen_WithoutBooking()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var lead = await studio.CustomerAsync();

        var response = await studio.PostAsync("/api/v1/bookings/eligibility", new { customerId = lead, sessionId = session });

        await response.ShouldBe(HttpStatusCode.OK);
        var answer = await response.JsonAsync();
        answer.GetProperty("canBook").GetBoolean().Should().BeTrue();
        answer.Str("paymentMethod").Should().Be("drop_in");
        var history = await (await studio.GetAsync($"/api/v1/customers/{lead}/bookings?when=all")).JsonAsync();
        history.GetProperty("total").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Cancel_Late_IsLateCancelled_AndCancelTwiceIs409()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromHours(2));
        var booking = await studio.BookingAsync(await studio.CustomerAsync(), session);

        var cancelled = await studio.PostAsync($"/api/v1/bookings/{booking}/cancel", new { by = "customer" });
        var again = await studio.PostAsync($"/api/v1/bookings/{booking}/cancel", null);

        await cancelled.ShouldBe(HttpStatusCode.OK);
        (await cancelled.JsonAsync()).Str("status").Should().Be("late_cancelled");
        await again.ShouldBeProblem(HttpStatusCode.Conflict, "booking.not_cancellable");
    }

    [Fact]
    public async Task CheckIn_UndoAndNoShow_FollowTheClock()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromHours(2));
        var booking = await studio.BookingAsync(await studio.CustomerAsync(), session);

        var early = await studio.PostAsync($"/api/v1/bookings/{booking}/check-in", null);
        var noShowEarly = await studio.PostAsync($"/api/v1/bookings/{booking}/no-show", null);
        api.Clock.Advance(TimeSpan.FromHours(1.75));
        var checkedIn = await studio.PostAsync($"/api/v1/bookings/{booking}/check-in", null);
        var undone = await studio.PostAsync($"/api/v1/bookings/{booking}/undo-check-in", null);
        var undoAgain = await studio.PostAsync($"/api/v1/bookings/{booking}/undo-check-in", null);
        api.Clock.Advance(TimeSpan.FromMinutes(20));
        var noShow = await studio.PostAsync($"/api/v1/bookings/{booking}/no-show", null);

        await early.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "checkin.not_open");
        await noShowEarly.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.not_started");
        (await checkedIn.JsonAsync()).Str("status").Should().Be("attended");
        (await undone.JsonAsync()).Str("status").Should().Be("confirmed");
        await undoAgain.ShouldBeProblem(HttpStatusCode.Conflict, "booking.not_checked_in");
        (await noShow.JsonAsync()).Str("status").Should().Be("no_show");
    }

    [Fact]
    public async Task Queries_Booking_History_Roster_Balance_Ledger()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var customer = await studio.CustomerAsync();
        await studio.PackAsync(customer, credits: 3);
        var booking = await studio.BookingAsync(customer, session);

        var one = await (await studio.GetAsync($"/api/v1/bookings/{booking}")).JsonAsync();
        var history = await (await studio.GetAsync($"/api/v1/customers/{customer}/bookings?when=upcoming&status=confirmed&page=1&pageSize=10")).JsonAsync();
        var roster = await (await studio.GetAsync($"/api/v1/sessions/{session}/roster")).JsonAsync();
        var balance = await (await studio.GetAsync($"/api/v1/customers/{customer}/balance")).JsonAsync();
        var ledger = await (await studio.GetAsync($"/api/v1/customers/{customer}/credit-ledger")).JsonAsync();

        one.Id().Should().Be(booking);
        history.GetProperty("total").GetInt32().Should().Be(1);
        history.GetProperty("items")[0].Id().Should().Be(booking);
        roster.GetProperty("booked").GetInt32().Should().Be(1);
        roster.GetProperty("attendees")[0].GetProperty("bookingId").GetGuid().Should().Be(booking);
        balance.GetProperty("packs")[0].GetProperty("creditsRemaining").GetInt32().Should().Be(2);
        ledger.GetProperty("items")[0].GetProperty("delta").GetInt32().Should().Be(-1);
        ledger.GetProperty("items")[0].Str("reason").Should().Be("booked");
    }

    [Fact]
    public async Task History_WithAnUnknownStatus_Is400NamingTheParameter()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();

        var response = await studio.GetAsync($"/api/v1/customers/{customer}/bookings?status=LateCancelled");

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
        problem.GetProperty("errors").GetProperty("status")[0].GetString().Should().Contain("late_cancelled");
    }

    [Fact]
    public async Task CustomerQueries_UnknownCustomerIs404_AndBadPagingIs400()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();

        foreach (var path in new[] { "bookings", "balance", "credit-ledger" })
            await (await studio.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/{path}")).ShouldBeProblem(HttpStatusCode.NotFound, "customer.not_found");
        await (await studio.GetAsync($"/api/v1/customers/{customer}/credit-ledger?pageSize=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        await (await studio.GetAsync($"/api/v1/customers/{customer}/bookings?page=-1")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        await (await studio.PostAsync("/api/v1/bookings/eligibility", new { customerId = Guid.NewGuid(), sessionId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "customer.not_found");
    }

    [Fact]
    public async Task UnknownBooking_Is404()
    {
        var studio = await api.StudioAsync();

        foreach (var path in new[] { "cancel", "check-in", "undo-check-in", "no-show" })
            await (await studio.PostAsync($"/api/v1/bookings/{Guid.NewGuid()}/{path}", null)).ShouldBeProblem(HttpStatusCode.NotFound, "booking.not_found");
        await (await studio.GetAsync($"/api/v1/bookings/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "booking.not_found");
    }
}
