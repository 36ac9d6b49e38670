using System.Net;
using System.Net.Http.Json;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Customers;

public sealed class CustomersEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Register_Get_Update()
    {
        var studio = await api.StudioAsync();

        var created = await studio.PostAsync("/api/v1/customers", new { firstName = "Amy", lastName = "Archer", email = " Amy@Example.TEST ", phone = "07700 900123" });
        await created.ShouldBe(HttpStatusCode.Created);
        var customer = await created.JsonAsync();
        customer.Str("status").Should().Be("lead");
        customer.Str("email").Should().Be("amy@example.test");
        created.Headers.Location!.ToString().Should().Be($"/api/v1/customers/{customer.Id()}");

        var fetched = await (await studio.GetAsync($"/api/v1/customers/{customer.Id()}")).JsonAsync();
        fetched.Str("fullName").Should().Be("Amy Archer");

        var updated = await studio.PutAsync($"/api/v1/customers/{customer.Id()}", new { firstName = "Amelia", lastName = "Archer", email = "amy@example.test", phone = (string?)null, notes = "VIP" });
        await updated.ShouldBe(HttpStatusCode.OK);
        (await updated.JsonAsync()).Str("firstName").Should().Be("Amelia");
    }

    // .NET's invariant lower case keeps U+0130 (İ), PostgreSQL's lower() makes it i: the column's check refused the
    // stored form with a 500, from the public widget too.
    [Fact]
    public async Task Register_WithADottedCapitalI_KeepsTheFormTheDatabaseHolds()
    {
        var studio = await api.StudioAsync();

        var created = await studio.PostAsync("/api/v1/customers", new { firstName = "Ilke", lastName = "Ince", email = "\u0130lke@Example.com" });
        var booked = await api.CreateClient().PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings",
            new { sessionId = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1)), name = "Irem Isik", email = "\u0130rem@example.com" });

        await created.ShouldBe(HttpStatusCode.Created);
        (await created.JsonAsync()).Str("email").Should().Be("ilke@example.com");
        await booked.ShouldBe(HttpStatusCode.Accepted);
        await using var db = api.OwnerDbContext();
        db.Customers.Where(c => c.OrganizationId == studio.Id).Select(c => c.Email).OrderBy(e => e).ToList()
            .Should().Equal("ilke@example.com", "irem@example.com");
    }

    [Fact]
    public async Task Register_Invalid_Is400WithCamelCaseFieldErrors_AndDuplicateEmailIs409()
    {
        var studio = await api.StudioAsync();
        await studio.CustomerAsync("Zed", "Zero", "zed@example.test");

        var invalid = await studio.PostAsync("/api/v1/customers", new { firstName = "", lastName = "", email = "nope" });
        var badEmail = await studio.PostAsync("/api/v1/customers", new { firstName = "Yan", lastName = "Yu", email = "nope" });
        var duplicate = await studio.PostAsync("/api/v1/customers", new { firstName = "Zed", lastName = "Two", email = "ZED@example.test" });

        // Issue #15: these were one validation.failed naming firstName and email; the domain's rules answer now, one at a time.
        (await invalid.ShouldBeProblem(HttpStatusCode.BadRequest, "customer.name_required")).GetProperty("errors").TryGetProperty("firstName", out _).Should().BeTrue();
        (await badEmail.ShouldBeProblem(HttpStatusCode.BadRequest, "customer.email_invalid")).GetProperty("errors").TryGetProperty("email", out _).Should().BeTrue();
        await duplicate.ShouldBeProblem(HttpStatusCode.Conflict, "customer.email_taken");
    }

    [Fact]
    public async Task ConcurrentRegistrations_OfOneEmail_OneWins_TheOthersAre409()
    {
        var studio = await api.StudioAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => studio.PostAsync("/api/v1/customers", new { firstName = $"Twin{i}", lastName = "T", email = "twin@example.test" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.ShouldBeProblem(HttpStatusCode.Conflict, "customer.email_taken");
    }

    [Fact]
    public async Task Search_ByNameEmailPhoneAndStatus_WithPaging()
    {
        var studio = await api.StudioAsync();
        await studio.CustomerAsync("Amy", "Archer", "amy@example.test");
        await studio.CustomerAsync("Bob", "Baker", "bob@example.test");
        var archived = await studio.CustomerAsync("Amy", "Ash");
        await studio.PostAsync($"/api/v1/customers/{archived}/archive", new { reason = "moved" });

        var byName = await (await studio.GetAsync("/api/v1/customers?name=amy")).JsonAsync();
        var byEmail = await (await studio.GetAsync("/api/v1/customers?email=bob@")).JsonAsync();
        var archivedOnly = await (await studio.GetAsync("/api/v1/customers?status=archived")).JsonAsync();
        var paged = await (await studio.GetAsync("/api/v1/customers?page=2&pageSize=1")).JsonAsync();
        var badPage = await studio.GetAsync("/api/v1/customers?page=0");
        var badStatus = await studio.GetAsync("/api/v1/customers?status=vip");
        var notANumber = await studio.GetAsync("/api/v1/customers?pageSize=many");

        byName.GetProperty("total").GetInt32().Should().Be(1);
        byEmail.GetProperty("items")[0].Str("lastName").Should().Be("Baker");
        archivedOnly.GetProperty("items")[0].Id().Should().Be(archived);
        paged.GetProperty("items").GetArrayLength().Should().Be(1);
        paged.GetProperty("total").GetInt32().Should().Be(2);
        await badPage.ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        await badStatus.ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
        (await notANumber.ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed")).GetProperty("errors").TryGetProperty("pageSize", out _).Should().BeTrue();
    }

    [Fact]
    public async Task ArchiveRestore_AndTheStatusHistory()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();

        // The history is ordered by time: each change a minute after the previous one.
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var archived = await studio.PostAsync($"/api/v1/customers/{customer}/archive", null);
        var again = await studio.PostAsync($"/api/v1/customers/{customer}/archive", null);
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var restored = await studio.PostAsync($"/api/v1/customers/{customer}/restore", null);
        var restoreAgain = await studio.PostAsync($"/api/v1/customers/{customer}/restore", null);
        var history = await (await studio.GetAsync($"/api/v1/customers/{customer}/status-history")).JsonAsync();

        (await archived.JsonAsync()).Str("status").Should().Be("archived");
        await again.ShouldBeProblem(HttpStatusCode.Conflict, "customer.already_archived");
        (await restored.JsonAsync()).Str("status").Should().Be("lead");
        await restoreAgain.ShouldBeProblem(HttpStatusCode.Conflict, "customer.not_archived");
        history.EnumerateArray().Select(h => h.Str("to")).Should().Equal("lead", "archived", "lead");
    }

    [Fact]
    public async Task Merge_MovesEverythingToTheSurvivor_AndSelfMergeIs400()
    {
        var studio = await api.StudioAsync();
        var survivor = await studio.CustomerAsync("Sam", "Stay");
        var duplicate = await studio.CustomerAsync("Sam", "Dup");
        await studio.PackAsync(duplicate, 3);

        var merged = await studio.PostAsync($"/api/v1/customers/{survivor}/merge", new { mergedId = duplicate });
        var self = await studio.PostAsync($"/api/v1/customers/{survivor}/merge", new { mergedId = survivor });
        var unknown = await studio.PostAsync($"/api/v1/customers/{survivor}/merge", new { mergedId = Guid.NewGuid() });

        await merged.ShouldBe(HttpStatusCode.OK);
        (await merged.JsonAsync()).GetProperty("packsMoved").GetInt32().Should().Be(1);
        (await self.ShouldBe400Or(HttpStatusCode.BadRequest)).Should().BeOneOf("customer.merge_self", "validation.failed");
        await unknown.ShouldBeProblem(HttpStatusCode.NotFound, "customer.not_found");
    }

    [Fact]
    public async Task Notes_AddAndList()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();

        var added = await studio.PostAsync($"/api/v1/customers/{customer}/notes", new { content = "Knee injury, no jumps" });
        var empty = await studio.PostAsync($"/api/v1/customers/{customer}/notes", new { content = " " });
        var notes = await (await studio.GetAsync($"/api/v1/customers/{customer}/notes")).JsonAsync();

        await added.ShouldBe(HttpStatusCode.Created);
        await empty.ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        notes[0].Str("content").Should().Be("Knee injury, no jumps");
    }

    [Fact]
    public async Task LegacyLookup_UnknownIdIs404_AndRecomputeAnswers()
    {
        var studio = await api.StudioAsync();

        await (await studio.GetAsync($"/api/v1/customers/by-legacy-id/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "legacy_id.not_found");
        await (await studio.PostAsync("/api/v1/customers/recompute-lifecycles", null)).ShouldBe(HttpStatusCode.OK);
    }
}

internal static class ProblemCodes
{
    public static async Task<string> ShouldBe400Or(this HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ShouldBe(status);
        return (await response.JsonAsync()).Str("code")!;
    }
}
