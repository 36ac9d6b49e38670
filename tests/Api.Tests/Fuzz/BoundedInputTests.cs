using System.Net;
using System.Net.Http.Json;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Fuzz;

/// <summary>
/// Targeted cases of the input bounds (docs/api.md, "Input bounds"): control characters in text,
/// dates and instants outside 1900-01-01..2200-12-31 and pages past the maximum are 400 with a
/// code and the field, and nothing is stored.
/// </summary>
public sealed class BoundedInputTests(OneStudio api) : IClassFixture<OneStudio>
{
    private StudioData Data => api.Data;

    private static async Task FieldShouldBe(HttpResponseMessage response, string code, string field)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, code);
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue($"the problem names '{field}': {problem}");
    }

    [Fact]
    public async Task Nul_InABodyField_Is400WithTheField_AndNothingStored()
    {
        var before = await Rows.FingerprintAsync(api.Database);

        await FieldShouldBe(await Data.Studio.PostAsync("/api/v1/customers", new { firstName = "Ada\u0000", lastName = "Lovelace" }),
            "text.invalid_characters", "firstName");
        await FieldShouldBe(await Data.Studio.PutAsync($"/api/v1/customers/{Data.Customer}", new { firstName = "Ada", lastName = "L\u001b[31m", email = (string?)null, phone = (string?)null }),
            "text.invalid_characters", "lastName");
        await FieldShouldBe(await Data.Studio.PostAsync("/api/v1/class-types", new { name = "Yoga\u0000", defaultCapacity = 10, defaultDurationMinutes = 60 }),
            "text.invalid_characters", "name");
        await FieldShouldBe(await Data.Studio.PostAsync($"/api/v1/customers/{Data.Customer}/notes", new { content = "bell \u0007" }),
            "text.invalid_characters", "content");
        await FieldShouldBe(await Data.Studio.PostAsync($"/api/v1/customers/{Data.Customer}/archive", new { reason = "gone\u0000" }),
            "text.invalid_characters", "reason");
        await FieldShouldBe(await Data.Studio.PostAsync("/api/v1/instructors", new { name = "Ro\u0085sa" }), "text.invalid_characters", "name");
        await FieldShouldBe(await Data.Studio.PatchAsync($"/api/v1/locations/{Data.Location}", new { name = "Studio\u0000" }), "text.invalid_characters", "name");
        await FieldShouldBe(await Data.Studio.PatchAsync($"/api/v1/customers/{Data.Customer}", new { notes = "bell \u0007" }), "text.invalid_characters", "notes");
        await FieldShouldBe(await api.CreateClient().PostAsJsonAsync($"/api/v1/public/{Data.Studio.Slug}/bookings",
                new { sessionId = Data.Session, name = "Some\u0000one", email = "someone@example.test" }),
            "text.invalid_characters", "name");

        (await Rows.FingerprintAsync(api.Database)).Should().Be(before);
    }

    [Fact]
    public async Task LineBreaks_AreFreeTextOnly()
    {
        var notes = await Data.Studio.PostAsync($"/api/v1/customers/{Data.OtherCustomer}/notes", new { content = "first line\r\n\tsecond line" });
        await notes.ShouldBe(HttpStatusCode.Created);
        (await notes.JsonAsync()).Str("content").Should().Contain("\n\tsecond");

        await FieldShouldBe(await Data.Studio.PostAsync("/api/v1/customers", new { firstName = "Two\nLines", lastName = "X" }),
            "text.invalid_characters", "firstName");
    }

    [Fact]
    public async Task Nul_InAQueryString_Is400WithTheParameter()
    {
        await FieldShouldBe(await Data.Studio.GetAsync("/api/v1/customers?name=%00"), "text.invalid_characters", "name");
        await FieldShouldBe(await Data.Studio.GetAsync("/api/v1/customers?email=a%00b"), "text.invalid_characters", "email");
        await FieldShouldBe(await Data.Studio.GetAsync("/api/v1/customers?phone=%1F"), "text.invalid_characters", "phone");
        await FieldShouldBe(await Data.Studio.GetAsync($"/api/v1/customers/{Data.Customer}/bookings?status=%00"), "request.malformed", "status");
        await (await api.CreateClient().GetAsync("/api/v1/public/a%01b/schedule")).ShouldBeProblem(HttpStatusCode.NotFound, "organization.not_found");
    }

    [Fact]
    public async Task AMembershipEndingIn9999_IsRefused_AndNothingIsStoredAsInfinity()
    {
        var before = await Rows.FingerprintAsync(api.Database);
        var term = (await Data.Studio.CreatedAsync("/api/v1/membership-plans", new { name = "Term", allowancePeriod = "term", allowanceClasses = 10 })).Id();
        var afterPlan = await Rows.FingerprintAsync(api.Database);
        afterPlan.Should().NotBe(before);

        await FieldShouldBe(await Data.Studio.PostAsync($"/api/v1/customers/{Data.OtherCustomer}/memberships", new { planId = term, startDate = "2026-06-01", endDate = "9999-12-31" }),
            "date.out_of_range", "endDate");
        await FieldShouldBe(await Data.Studio.PostAsync($"/api/v1/customers/{Data.OtherCustomer}/memberships", new { planId = term, startDate = "0001-01-01" }),
            "date.out_of_range", "startDate");
        (await Rows.FingerprintAsync(api.Database)).Should().Be(afterPlan);

        // The last accepted day works, and so do the customer's balance and bookings afterwards.
        var edge = await Data.Studio.PostAsync($"/api/v1/customers/{Data.OtherCustomer}/memberships", new { planId = term, startDate = "2026-06-01", endDate = "2200-12-31" });
        await edge.ShouldBe(HttpStatusCode.Created);
        var edgeId = (await edge.JsonAsync()).Id();
        var openEnded = (await Data.Studio.CreatedAsync($"/api/v1/customers/{Data.OtherCustomer}/memberships", new { planId = term, startDate = "2026-05-01" })).Id();
        var balance = await Data.Studio.GetAsync($"/api/v1/customers/{Data.OtherCustomer}/balance");
        await balance.ShouldBe(HttpStatusCode.OK);
        var memberships = (await balance.JsonAsync()).GetProperty("memberships").EnumerateArray().ToList();
        memberships.Single(m => m.Id() == openEnded).GetProperty("periodUntil").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "an open-ended term has no period end");
        memberships.Single(m => m.Id() == edgeId).Str("periodUntil").Should().Be("2200-12-31");
        await (await Data.Studio.PostAsync("/api/v1/bookings/eligibility", new { customerId = Data.OtherCustomer, sessionId = Data.Session })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CancellingAMembershipBeforeItStarts_IsMembershipDatesInvalid()
    {
        var plan = (await Data.Studio.CreatedAsync("/api/v1/membership-plans", new { name = "Weekly", allowancePeriod = "week", allowanceClasses = 3 })).Id();
        var customer = await Data.Studio.CustomerAsync("Cancel", "Early");
        var membership = (await Data.Studio.CreatedAsync($"/api/v1/customers/{customer}/memberships", new { planId = plan, startDate = "2026-07-01" })).Id();
        var before = await Rows.FingerprintAsync(api.Database);

        await FieldShouldBe(await Data.Studio.PostAsync($"/api/v1/memberships/{membership}/cancel", new { endDate = "2026-06-15" }), "membership.dates_invalid", "endDate");
        await FieldShouldBe(await Data.Studio.PostAsync($"/api/v1/memberships/{membership}/cancel", new { endDate = "2201-01-01" }), "date.out_of_range", "endDate");
        await FieldShouldBe(await Data.Studio.PostAsync($"/api/v1/memberships/{membership}/pause", new { from = "2026-07-02", until = "9999-01-01" }), "date.out_of_range", "until");
        await FieldShouldBe(await Data.Studio.PostAsync($"/api/v1/memberships/{membership}/resume", new { on = "1899-12-31" }), "date.out_of_range", "on");

        (await Rows.FingerprintAsync(api.Database)).Should().Be(before);
    }

    [Fact]
    public async Task DatesOutOfRange_InBodiesAndQueryStrings_Are400WithTheField()
    {
        var before = await Rows.FingerprintAsync(api.Database);
        await FieldShouldBe(await Data.Studio.PostAsync("/api/v1/bookings/recurring",
                new { customerId = Data.OtherCustomer, classTypeId = Data.ClassType, weekdays = new[] { "monday" }, localTime = "18:00:00", fromDate = "9999-01-01", untilDate = "9999-12-31" }),
            "date.out_of_range", "fromDate");
        await FieldShouldBe(await Data.Studio.PostAsync("/api/v1/sessions", new { classTypeId = Data.ClassType, startsAt = "9999-12-31T10:00:00Z" }),
            "date.out_of_range", "startsAt");
        await FieldShouldBe(await Data.Studio.PostAsync("/api/v1/sessions", new { classTypeId = Data.ClassType, startsAt = "1899-12-31T23:59:59Z" }),
            "date.out_of_range", "startsAt");
        await FieldShouldBe(await Data.Studio.GetAsync("/api/v1/sessions?from=9999-12-31&to=9999-12-31"), "date.out_of_range", "from");
        await FieldShouldBe(await Data.Studio.GetAsync("/api/v1/sessions?from=0001-01-01&to=0001-01-02"), "date.out_of_range", "from");
        await FieldShouldBe(await api.CreateClient().GetAsync($"/api/v1/public/{Data.Studio.Slug}/schedule?from=9999-12-31"), "date.out_of_range", "from");
        await (await api.CreateClient().GetAsync($"/api/v1/public/{Data.Studio.Slug}/schedule?from=2200-12-31")).ShouldBe(HttpStatusCode.OK);
        (await Rows.FingerprintAsync(api.Database)).Should().Be(before);
    }

    [Theory]
    [InlineData("/api/v1/customers")]
    [InlineData("/api/v1/customers/{customer}/bookings")]
    [InlineData("/api/v1/customers/{customer}/credit-ledger")]
    public async Task EveryPagedList_HasTheSameContract(string template)
    {
        var path = template.Replace("{customer}", Data.Customer.ToString(), StringComparison.Ordinal);
        var first = await (await Data.Studio.GetAsync(path)).JsonAsync();
        first.GetProperty("page").GetInt32().Should().Be(1);
        first.GetProperty("pageSize").GetInt32().Should().Be(25);
        first.GetProperty("total").GetInt32().Should().BeGreaterThanOrEqualTo(first.GetProperty("items").GetArrayLength());

        var last = await (await Data.Studio.GetAsync($"{path}?page=100000&pageSize=100")).JsonAsync();
        last.GetProperty("items").GetArrayLength().Should().Be(0);
        last.GetProperty("pageSize").GetInt32().Should().Be(100);

        await FieldShouldBe(await Data.Studio.GetAsync($"{path}?page=2147483647"), "validation.failed", "page");
        await FieldShouldBe(await Data.Studio.GetAsync($"{path}?page=100001"), "validation.failed", "page");
        await FieldShouldBe(await Data.Studio.GetAsync($"{path}?page=0"), "validation.failed", "page");
        await FieldShouldBe(await Data.Studio.GetAsync($"{path}?pageSize=101"), "validation.failed", "pageSize");
        await FieldShouldBe(await Data.Studio.GetAsync($"{path}?pageSize=0"), "validation.failed", "pageSize");
        await FieldShouldBe(await Data.Studio.GetAsync($"{path}?page=2147483648"), "request.malformed", "page");
    }

    // The binder's refusals of a yes/no value, of two values for one, and of a parameter with no value named no field.
    [Fact]
    public async Task QueryValuesTheBinderRefuses_NameTheirParameter()
    {
        var schedule = $"/api/v1/public/{Data.Studio.Slug}/schedule";
        var anonymous = api.CreateClient();

        await FieldShouldBe(await anonymous.GetAsync($"{schedule}?available=maybe"), "request.malformed", "available");
        await FieldShouldBe(await anonymous.GetAsync($"{schedule}?available=true&available=false"), "request.malformed", "available");
        await FieldShouldBe(await anonymous.GetAsync($"{schedule}?from="), "request.malformed", "from");
        await FieldShouldBe(await anonymous.GetAsync($"{schedule}?classTypeId="), "request.malformed", "classTypeId");
        await FieldShouldBe(await anonymous.PostAsJsonAsync($"/api/v1/public/{Data.Studio.Slug}/bookings",
            new { sessionId = Guid.NewGuid(), name = new string('n', 101), email = "long.name@example.test" }), "customer.name_too_long", "name");
    }
}
