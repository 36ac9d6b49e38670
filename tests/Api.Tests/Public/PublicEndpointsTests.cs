using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Public;

public sealed class PublicEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Schedule_IsPublic_WithCounts()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync("Morning Flow"), TimeSpan.FromDays(1), capacity: 3);
        await studio.BookingAsync(await studio.CustomerAsync(), session);

        var response = await api.CreateClient().GetAsync($"/api/v1/public/{studio.Slug}/schedule");

        await response.ShouldBe(HttpStatusCode.OK);
        var schedule = await response.JsonAsync();
        schedule.GetArrayLength().Should().Be(1);
        schedule[0].Str("className").Should().Be("Morning Flow");
        schedule[0].GetProperty("booked").GetInt32().Should().Be(1);
        schedule[0].GetProperty("available").GetInt32().Should().Be(2);
    }

    // The key was filed under the studio of the API key the caller also sent, and the booking looked for the session
    // there: 404 session.not_found, where the same request without the key booked.
    [Fact]
    public async Task Booking_WithAnIdempotencyKeyAndAnotherStudiosApiKey_BooksAtTheRoutesStudio()
    {
        var studio = await api.StudioAsync();
        var other = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var caller = api.ClientWithKey(other.ApiKey);
        caller.DefaultRequestHeaders.Add("Idempotency-Key", "cross-studio-1");

        var booked = await caller.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Cara Cross", email = "cara@example.test" });

        await booked.ShouldBe(HttpStatusCode.Accepted);
        await using var db = api.OwnerDbContext();
        db.Bookings.Count(b => b.SessionId == session).Should().Be(1);
        db.Customers.Where(c => c.OrganizationId == other.Id).Should().BeEmpty();
    }

    // Whether an email is a customer's must not show: two first requests with one new email gave 202 and 409
    // customer.email_taken (a known email, 202 twice), and an Idempotency-Key reused after its day was refused for a
    // new email only (the booking kept it for ever).
    [Fact]
    public async Task NewEmailsRacing_AndAKeyReusedAfterItsDay_AnswerAsAKnownEmailWould()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1), capacity: 30);
        var emails = Enumerable.Range(1, 6).Select(i => $"racer{i}@example.test").ToList();

        var raced = await Task.WhenAll(emails.SelectMany(email => Enumerable.Range(0, 2).Select(_ =>
            api.CreateClient().PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Ray Racer", email }))));
        var keyed = api.CreateClient();
        keyed.DefaultRequestHeaders.Add("Idempotency-Key", "widget-day-old");
        await (await keyed.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Day One", email = "day.one@example.test" }))
            .ShouldBe(HttpStatusCode.Accepted);
        await using (var db = api.OwnerDbContext())
            await db.Database.ExecuteSqlAsync($"UPDATE idempotency_records SET created_at = created_at - interval '25 hours' WHERE organization_id = {studio.Id}");
        var dayLater = await keyed.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Day Two", email = "day.two@example.test" });

        raced.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Accepted);
        await dayLater.ShouldBe(HttpStatusCode.Accepted);
        await using var check = api.OwnerDbContext();
        check.Customers.Where(c => c.OrganizationId == studio.Id && c.Email != null).Select(c => c.Email).OrderBy(e => e).ToList()
            .Should().Equal(emails.Append("day.one@example.test").Append("day.two@example.test").Order());
        check.Customers.Count(c => c.OrganizationId == studio.Id && c.Email == null).Should().Be(6, "each email's second request books a guest");
        check.Bookings.Count(b => b.SessionId == session).Should().Be(14);
        check.CustomerNotes.Count(n => n.OrganizationId == studio.Id).Should().Be(12);
    }

    [Fact]
    public async Task Booking_WithAnArchivedCustomersEmail_BooksAGuest_AndTheyCanStillBeRestored()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var charlie = await studio.CustomerAsync("Charlie", "Green", "charlie@example.test");
        await (await studio.PostAsync($"/api/v1/customers/{charlie}/archive", new { reason = "moved away" })).ShouldBe(HttpStatusCode.OK);

        var requested = await api.CreateClient().PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Charlie Green", email = "charlie@example.test" });
        var restored = await studio.PostAsync($"/api/v1/customers/{charlie}/restore", null);

        await requested.ShouldBe(HttpStatusCode.Accepted);
        await restored.ShouldBe(HttpStatusCode.OK);
        await using var db = api.OwnerDbContext();
        db.Customers.Count(c => c.OrganizationId == studio.Id && c.Email == "charlie@example.test").Should().Be(1);
        var guest = db.Customers.Single(c => c.OrganizationId == studio.Id && c.Id != charlie);
        (guest.Email, guest.FullName, guest.Status.ToString()).Should().Be((null, "Charlie Green", "Lead"));
        db.Bookings.Single(b => b.SessionId == session).CustomerId.Should().Be(guest.Id);
        db.CustomerNotes.Count(n => n.CustomerId == charlie).Should().Be(1);
    }

    [Fact]
    public async Task UnknownSlug_Is404()
    {
        await (await api.CreateClient().GetAsync("/api/v1/public/no-such-studio/schedule")).ShouldBeProblem(HttpStatusCode.NotFound, "organization.not_found");
        await (await api.CreateClient().PostAsJsonAsync("/api/v1/public/no-such-studio/bookings", new { sessionId = Guid.NewGuid(), name = "A B", email = "a@b.test" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "organization.not_found");
    }

    [Fact]
    public async Task Booking_UnknownEmail_RegistersALeadAndBooksIt_WithAReceipt()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync("Morning Flow"), TimeSpan.FromDays(1));

        var response = await api.CreateClient().PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Nia New Person", email = "Nia@Example.test" });

        await response.ShouldBe(HttpStatusCode.Accepted);
        var receipt = await response.JsonAsync();
        receipt.GetProperty("sessionId").GetGuid().Should().Be(session);
        receipt.Str("className").Should().Be("Morning Flow");
        await using var db = api.Database.CreateDbContext();
        var lead = await db.Customers.SingleAsync(c => c.OrganizationId == studio.Id && c.Email == "nia@example.test");
        (lead.FirstName, lead.LastName, lead.Status.ToString(), lead.Source).Should().Be(("Nia", "New Person", "Lead", "website"));
        var booking = await db.Bookings.SingleAsync(b => b.SessionId == session);
        (booking.CustomerId, booking.Source.ToString(), booking.PaymentMethod.ToString()).Should().Be((lead.Id, "Public", "DropIn"));
    }

    [Fact]
    public async Task Booking_KnownEmail_SpendsNothingOfTheCustomer_BooksAGuest_AndAnswersAndCountsExactlyLikeAnUnknownEmail()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var mia = await studio.CustomerAsync("Mia", "Robinson", "mia.robinson@example.com");
        var pack = await studio.PackAsync(mia, credits: 7);
        var anonymous = api.CreateClient();

        var asMia = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Someone Else", email = "MIA.ROBINSON@example.com" });
        var bookedAfterMia = await BookedAsync(studio.Slug, session);
        var asStranger = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Someone Else", email = "nobody.known@example.com" });
        var bookedAfterStranger = await BookedAsync(studio.Slug, session);

        await asMia.ShouldBe(HttpStatusCode.Accepted);
        await asStranger.ShouldBe(HttpStatusCode.Accepted);
        (bookedAfterMia, bookedAfterStranger).Should().Be((1, 2), "each request takes one seat, so the schedule's counts do not tell them apart");
        var body = await asMia.Content.ReadAsStringAsync();
        body.Should().Be(await asStranger.Content.ReadAsStringAsync(), "the answer must not tell whether the email is a customer's");
        body.Should().NotContainAny(mia.ToString(), pack.ToString(), "credit", "pack", "Mia");
        await using var db = api.Database.CreateDbContext();
        (await db.ClassPacks.SingleAsync(p => p.Id == pack)).CreditsRemaining.Should().Be(7);
        (await db.Bookings.CountAsync(b => b.CustomerId == mia)).Should().Be(0);
        (await db.CreditLedger.CountAsync(l => l.CustomerId == mia)).Should().Be(0);
        var guest = await db.Customers.SingleAsync(c => c.OrganizationId == studio.Id && c.Email == null);
        (guest.FullName, guest.Source).Should().Be(("Someone Else", "website"));
        (await db.Bookings.SingleAsync(b => b.CustomerId == guest.Id)).SessionId.Should().Be(session);
        var note = await db.CustomerNotes.SingleAsync(n => n.CustomerId == mia);
        note.Content.Should().Contain("separate lead").And.Contain(guest.Id.ToString()).And.Contain(session.ToString()).And.Contain("Someone Else");
        (await db.CustomerNotes.SingleAsync(n => n.CustomerId == guest.Id)).Content.Should().Contain(mia.ToString()).And.NotContain("mia.robinson");
    }

    [Fact]
    public async Task Booking_KnownEmail_WithAnExpiredPack_RefusalRevealsNothing_AndIsTheSameAsAStrangers()
    {
        var studio = await api.StudioAsync();
        await using (var owner = api.Database.CreateDbContext())
        {
            var organization = await owner.Organizations.SingleAsync(o => o.Id == studio.Id);
            organization.UpdatePolicy(organization.Policy with { DropInsForLeadsAndTrials = false });
            await owner.SaveChangesAsync();
        }
        var yoga = await studio.ClassTypeAsync();
        var mia = await studio.CustomerAsync("Mia", "Robinson", "mia@example.com");
        var pack = await studio.PackAsync(mia, credits: 3);
        api.Clock.Advance(TimeSpan.FromDays(100));
        var session = await studio.SessionAsync(yoga, TimeSpan.FromDays(1));
        var anonymous = api.CreateClient();

        var asMia = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Mia R", email = "mia@example.com" });
        var asStranger = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Mia R", email = "stranger@example.com" });

        var miaProblem = await asMia.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "payment.none_available");
        var strangerProblem = await asStranger.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "payment.none_available");
        WithoutTraceId(miaProblem).Should().Be(WithoutTraceId(strangerProblem));
        miaProblem.ToString().Should().NotContainAny(pack.ToString(), "pack.expired", mia.ToString());
        await using var db = api.Database.CreateDbContext();
        (await db.Customers.CountAsync(c => c.OrganizationId == studio.Id)).Should().Be(1, "a refused request registers nobody");
    }

    [Fact]
    public async Task Booking_KnownEmail_AlreadyBooked_AnswersAndCountsLikeAnyoneElse_AndAddsNoneOfTheirs()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var kim = await studio.CustomerAsync("Kim", "Known", "kim@example.test");
        await studio.BookingAsync(kim, session);
        var anonymous = api.CreateClient();

        var asKim = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "K", email = "kim@example.test" });
        var asStranger = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "K", email = "k2@example.test" });

        await asKim.ShouldBe(HttpStatusCode.Accepted);
        (await asKim.Content.ReadAsStringAsync()).Should().Be(await asStranger.Content.ReadAsStringAsync());
        await using var db = api.Database.CreateDbContext();
        (await db.Bookings.CountAsync(b => b.CustomerId == kim)).Should().Be(1);
        (await BookedAsync(studio.Slug, session)).Should().Be(3);
    }

    [Fact]
    public async Task Booking_KnownEmail_TheGuestMergedIntoTheCustomer_HandsThemTheSeat_PaidAtTheDesk()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1), capacity: 1);
        var mia = await studio.CustomerAsync("Mia", "Robinson", "mia@example.test");
        var pack = await studio.PackAsync(mia, credits: 4);

        await (await api.CreateClient().PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Mia Robinson", email = "mia@example.test" }))
            .ShouldBe(HttpStatusCode.Accepted);
        Guid guest;
        await using (var db = api.Database.CreateDbContext())
            guest = (await db.Customers.SingleAsync(c => c.OrganizationId == studio.Id && c.Email == null)).Id;
        var merged = await studio.PostAsync($"/api/v1/customers/{mia}/merge", new { mergedId = guest });

        await merged.ShouldBe(HttpStatusCode.OK);
        await using var check = api.Database.CreateDbContext();
        var booking = await check.Bookings.SingleAsync(b => b.SessionId == session);
        (booking.CustomerId, booking.PaymentMethod.ToString()).Should().Be((mia, "DropIn"));
        (await check.ClassPacks.SingleAsync(p => p.Id == pack)).CreditsRemaining.Should().Be(4);
        (await check.Customers.SingleAsync(c => c.Id == guest)).MergedIntoId.Should().Be(mia);
        (await check.CustomerNotes.CountAsync(n => n.CustomerId == mia)).Should().Be(2, "the guest's note moves with it");
    }

    // The widget's keys were filed with the studio's own: a key the back office had used answered 422, and one an
    // anonymous caller took first refused the back office's request.
    [Fact]
    public async Task AnonymousCallers_NeitherSeeNorTakeTheStudiosOwnIdempotencyKeys()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1), capacity: 50);
        var anonymous = api.CreateClient();
        async Task<HttpResponseMessage> WidgetAsync(string key, string email)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/{studio.Slug}/bookings")
            {
                Content = JsonContent.Create(new { sessionId = session, name = "Wendy Widget", email }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await anonymous.SendAsync(request);
        }

        await (await studio.PostAsync("/api/v1/customers", new { firstName = "Ann", lastName = "Staff" }, "order-1001")).ShouldBe(HttpStatusCode.Created);
        var usedByTheStudio = await WidgetAsync("order-1001", "w1@example.test");
        var takenFirst = await WidgetAsync("order-1003", "w3@example.test");
        var studioAfter = await studio.PostAsync("/api/v1/customers", new { firstName = "Bea", lastName = "Staff" }, "order-1003");
        var replayed = await WidgetAsync("order-1003", "w3@example.test");

        await usedByTheStudio.ShouldBe(HttpStatusCode.Accepted);
        await takenFirst.ShouldBe(HttpStatusCode.Accepted);
        await studioAfter.ShouldBe(HttpStatusCode.Created);
        await replayed.ShouldBe(HttpStatusCode.Accepted);
        replayed.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        await using var db = api.OwnerDbContext();
        db.Bookings.Count(b => b.SessionId == session).Should().Be(2);
    }

    private async Task<int> BookedAsync(string slug, Guid session)
    {
        var schedule = await (await api.CreateClient().GetAsync($"/api/v1/public/{slug}/schedule")).JsonAsync();
        return schedule.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == session).GetProperty("booked").GetInt32();
    }

    private static string WithoutTraceId(System.Text.Json.JsonElement problem)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(problem.GetRawText())!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }

    [Fact]
    public async Task Booking_RuleRefusals_AreProblems()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1), capacity: 1);
        var anonymous = api.CreateClient();
        await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "One", email = "one@example.test" });

        var full = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Two", email = "two@example.test" });
        var invalid = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Two", email = "not-an-email" });

        await full.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.full");
        // Issue #15: was validation.failed; whether it is an address is the domain's rule.
        var problem = await invalid.ShouldBeProblem(HttpStatusCode.BadRequest, "customer.email_invalid");
        problem.GetProperty("errors").TryGetProperty("email", out _).Should().BeTrue();
    }
}

public sealed class TightLimits : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Public:RequestsPerAddressPerMinute"] = "3",
        ["RateLimits:Public:BookingsPerEmailPerHour"] = "2",
    };
}

public sealed class PublicRateLimitTests(TightLimits api) : IClassFixture<TightLimits>
{
    private HttpClient From(string address)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(ApiFactory.ClientAddressHeader, address);
        return client;
    }

    [Fact]
    public async Task PerClientAddress_Is429WithRetryAfter()
    {
        var studio = await api.StudioAsync();
        var client = From("203.0.113.7");

        for (var i = 0; i < 3; i++) await (await client.GetAsync($"/api/v1/public/{studio.Slug}/schedule")).ShouldBe(HttpStatusCode.OK);
        var limited = await client.GetAsync($"/api/v1/public/{studio.Slug}/schedule");
        var otherAddress = await From("203.0.113.8").GetAsync($"/api/v1/public/{studio.Slug}/schedule");

        await limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
        await otherAddress.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class EmailLimits : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Public:RequestsPerAddressPerMinute"] = "100000",
        ["RateLimits:Public:BookingsPerEmailPerHour"] = "2",
    };
}

/// <summary>Booking requests per email and address; the issue's lock-out: a stranger's attempts with a customer's email cannot make the widget refuse her.</summary>
public sealed class PublicBookingLimitTests(EmailLimits api) : IClassFixture<EmailLimits>
{
    /// <summary>A studio with a class on each of the next three days: requests that differ only by their class.</summary>
    private async Task<(TestStudio Studio, List<Guid> Sessions)> StudioWithThreeSessionsAsync()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var sessions = new List<Guid>();
        for (var i = 1; i <= 3; i++) sessions.Add(await studio.SessionAsync(yoga, TimeSpan.FromDays(i)));
        return (studio, sessions);
    }

    private HttpClient From(string address)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(ApiFactory.ClientAddressHeader, address);
        return client;
    }

    [Fact]
    public async Task PerEmailAndAddress_Is429WithRetryAfter_CountingOnlyAcceptedRequests()
    {
        var (studio, sessions) = await StudioWithThreeSessionsAsync();
        var eve = From("198.51.100.1");

        var refused = await eve.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = Guid.NewGuid(), name = "Eve", email = "eve@example.test" });
        var one = await eve.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[0], name = "Eve", email = "eve@example.test" });
        var two = await eve.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[1], name = "Eve", email = "eve@example.test" });
        var three = await From("198.51.100.1").PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[2], name = "Eve", email = "EVE@example.test" });

        await refused.ShouldBeProblem(HttpStatusCode.NotFound, "session.not_found");
        await one.ShouldBe(HttpStatusCode.Accepted);
        await two.ShouldBe(HttpStatusCode.Accepted);
        await three.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
        // The email's window is an hour (the address's is a minute, and far from full here).
        int.Parse(three.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(3000, 3600);
        api.Clock.Advance(TimeSpan.FromHours(1));
        await (await eve.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[2], name = "Eve", email = "eve@example.test" }))
            .ShouldBe(HttpStatusCode.Accepted);
    }

    // The limit counted the email trimmed and lower-cased only, while the customer is found by it without any white space.
    [Fact]
    public async Task AnEmailWithSpacesInside_CountsAsThatEmail()
    {
        var (studio, sessions) = await StudioWithThreeSessionsAsync();
        var eve = From("198.51.100.7");

        await (await eve.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[0], name = "Eve", email = "eve@example.test" })).ShouldBe(HttpStatusCode.Accepted);
        await (await eve.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[1], name = "Eve", email = "e ve@example.test" })).ShouldBe(HttpStatusCode.Accepted);
        var third = await eve.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[2], name = "Eve", email = "ev\u00a0e@example.test" });

        await third.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
    }

    // A refusal by a rate limit is not the request's answer: kept under its Idempotency-Key, it was replayed for a day,
    // without Retry-After, long after the limit let the same request through.
    [Fact]
    public async Task ARateLimitsRefusal_IsNotKeptAsTheAnswerOfItsIdempotencyKey()
    {
        var (studio, sessions) = await StudioWithThreeSessionsAsync();
        var eve = From("198.51.100.8");
        for (var i = 0; i < 2; i++)
            await (await eve.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[i], name = "Eve", email = "eve@example.test" })).ShouldBe(HttpStatusCode.Accepted);
        HttpRequestMessage Third()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/public/{studio.Slug}/bookings")
            {
                Content = JsonContent.Create(new { sessionId = sessions[2], name = "Eve", email = "eve@example.test" }),
            };
            request.Headers.Add("Idempotency-Key", "widget-retry-1");
            return request;
        }

        var limited = await eve.SendAsync(Third());
        api.Clock.Advance(TimeSpan.FromHours(1));
        var later = await eve.SendAsync(Third());

        await limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
        await later.ShouldBe(HttpStatusCode.Accepted);
        later.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
    }

    [Fact]
    public async Task AStrangersAttemptsWithHerEmail_NeverLockTheCustomerOut()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var first = await studio.SessionAsync(yoga, TimeSpan.FromDays(1));
        var second = await studio.SessionAsync(yoga, TimeSpan.FromDays(2));
        await studio.CustomerAsync("Mia", "Robinson", "mia@example.com");
        var stranger = From("203.0.113.66");

        for (var i = 0; i < 5; i++)
        {
            await (await stranger.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = Guid.NewGuid(), name = "X", email = "mia@example.com" }))
                .ShouldBeProblem(HttpStatusCode.NotFound, "session.not_found");
        }
        for (var i = 0; i < 2; i++)
            await (await stranger.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = first, name = "X", email = "mia@example.com" })).ShouldBe(HttpStatusCode.Accepted);
        await (await stranger.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = first, name = "X", email = "mia@example.com" }))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limit.exceeded");

        var mia = await From("192.0.2.10").PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = second, name = "Mia Robinson", email = "mia@example.com" });

        await mia.ShouldBe(HttpStatusCode.Accepted);
    }
}

public sealed class BehindAProxy : ApiFactory
{
    public const string Proxy = "10.1.2.3";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Public:RequestsPerAddressPerMinute"] = "2",
        ["RateLimits:Public:BookingsPerEmailPerHour"] = "100000",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
    };
}

/// <summary>The per-address limit counts the real client behind a trusted proxy, and only there trusts X-Forwarded-For.</summary>
public sealed class ForwardedClientAddressTests(BehindAProxy api) : IClassFixture<BehindAProxy>
{
    private async Task<HttpResponseMessage> ScheduleAsync(string slug, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/{slug}/schedule");
        request.Headers.Add(ApiFactory.ClientAddressHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await api.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task ThroughATrustedProxy_EachClientHasItsOwnLimit()
    {
        var studio = await api.StudioAsync();

        for (var i = 0; i < 2; i++) await (await ScheduleAsync(studio.Slug, BehindAProxy.Proxy, "203.0.113.10")).ShouldBe(HttpStatusCode.OK);
        var limited = await ScheduleAsync(studio.Slug, BehindAProxy.Proxy, "203.0.113.10");
        var anotherClient = await ScheduleAsync(studio.Slug, BehindAProxy.Proxy, "203.0.113.11");

        await limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
        await anotherClient.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FromAnUntrustedPeer_XForwardedForIsIgnored()
    {
        var studio = await api.StudioAsync();

        for (var i = 0; i < 2; i++) await (await ScheduleAsync(studio.Slug, "198.51.100.77", $"203.0.113.{100 + i}")).ShouldBe(HttpStatusCode.OK);
        var limited = await ScheduleAsync(studio.Slug, "198.51.100.77", "203.0.113.200");

        await limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
    }
}
