using System.Net;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Customers;

/// <summary>PATCH /customers/{id} as JSON Merge Patch, and phone search however the number is typed.</summary>
public sealed class PatchCustomerTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task FirstNameAlone_ChangesOnlyTheFirstName()
    {
        var studio = await api.StudioAsync();
        var id = (await studio.CreatedAsync("/api/v1/customers", new { firstName = "Amy", lastName = "Archer", email = "amy@example.test", phone = "+447911123456", source = "web" })).Id();
        await studio.PutAsync($"/api/v1/customers/{id}", new { firstName = "Amy", lastName = "Archer", email = "amy@example.test", phone = "+447911123456", source = "web", notes = "Knee" });

        await (await studio.PatchAsync($"/api/v1/customers/{id}", new { notes = "Knee\r\n\tleft side" })).ShouldBe(HttpStatusCode.OK);
        var response = await studio.PatchAsync($"/api/v1/customers/{id}", """{"firstName":"Ada"}""");

        await response.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).Str("fullName").Should().Be("Ada Archer");
        await using var db = api.Database.CreateDbContext();
        var stored = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
        (stored.FirstName, stored.LastName, stored.Email, stored.Phone, stored.Source, stored.Notes)
            .Should().Be(("Ada", "Archer", "amy@example.test", "+447911123456", "web", "Knee\r\n\tleft side"), "notes are free text: line breaks and tabs stay");
    }

    [Fact]
    public async Task Null_ClearsEmailPhoneNotesAndOneName_AndPlainJsonIsReadTheSame()
    {
        var studio = await api.StudioAsync();
        var id = (await studio.CreatedAsync("/api/v1/customers", new { firstName = "Amy", lastName = "Archer", email = "amy@example.test", phone = "+447911123456" })).Id();
        await studio.PatchAsync($"/api/v1/customers/{id}", new { notes = "Knee" });

        var response = await studio.PatchAsync($"/api/v1/customers/{id}", """{"email":null,"phone":null,"notes":null,"lastName":null}""", "application/json");

        await response.ShouldBe(HttpStatusCode.OK);
        await using var db = api.Database.CreateDbContext();
        var stored = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
        (stored.FirstName, stored.LastName, stored.Email, stored.Phone, stored.Notes).Should().Be(("Amy", "", (string?)null, (string?)null, (string?)null));
    }

    [Fact]
    public async Task Refusals_NoNameLeft_SourceCleared_UnknownField_TakenEmail_UnknownCustomer_ChangeNothing()
    {
        var studio = await api.StudioAsync();
        await studio.CustomerAsync("Zed", "Zero", "zed@example.test");
        var id = await studio.CustomerAsync("Amy", "Archer", "amy@example.test");

        await (await studio.PatchAsync($"/api/v1/customers/{id}", """{"firstName":null,"lastName":" "}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "customer.name_required");
        (await (await studio.PatchAsync($"/api/v1/customers/{id}", """{"source":null}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed"))
            .GetProperty("errors").TryGetProperty("source", out _).Should().BeTrue();
        (await (await studio.PatchAsync($"/api/v1/customers/{id}", """{"status":"member"}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed"))
            .GetProperty("errors").TryGetProperty("status", out _).Should().BeTrue();
        await (await studio.PatchAsync($"/api/v1/customers/{id}", new { email = "ZED@example.test" })).ShouldBeProblem(HttpStatusCode.Conflict, "customer.email_taken");
        await (await studio.PatchAsync($"/api/v1/customers/{Guid.NewGuid()}", new { firstName = "X" })).ShouldBeProblem(HttpStatusCode.NotFound, "customer.not_found");

        await using var db = api.Database.CreateDbContext();
        var stored = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
        (stored.FirstName, stored.LastName, stored.Email, stored.Source).Should().Be(("Amy", "Archer", "amy@example.test", "manual"));
    }

    [Fact]
    public async Task PhoneSearch_FindsTheCustomerHoweverEitherNumberWasTyped()
    {
        var studio = await api.StudioAsync();
        var typedNationally = (await studio.CreatedAsync("/api/v1/customers", new { firstName = "Nat", lastName = "One", phone = "07700 900123" })).Id();
        var typedInternationally = (await studio.CreatedAsync("/api/v1/customers", new { firstName = "Int", lastName = "Two", phone = "+44 7700 900456" })).Id();
        await studio.CustomerAsync("No", "Phone");

        await using (var db = api.Database.CreateDbContext())
        {
            (await db.Customers.AsNoTracking().SingleAsync(c => c.Id == typedNationally)).Phone.Should().Be("+447700900123", "stored in E.164 like the consolidation stores it");
        }
        foreach (var (typed, expected) in new[]
                 {
                     ("+447700900123", typedNationally), ("07700 900123", typedNationally), ("0044 7700 900123", typedNationally), ("(07700) 900-123", typedNationally),
                     ("07700900456", typedInternationally), ("+447700900456", typedInternationally),
                 })
        {
            var found = await (await studio.GetAsync($"/api/v1/customers?phone={Uri.EscapeDataString(typed)}")).JsonAsync();
            found.GetProperty("items").EnumerateArray().Select(c => c.Id()).Should().Equal([expected], typed);
        }
    }

    [Fact]
    public async Task PhoneSearch_MatchesAPhoneStoredAsWrittenBeforeItWasNormalised()
    {
        var studio = await api.StudioAsync();
        var id = await studio.CustomerAsync("Old", "Row");
        await using (var db = api.Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE customers SET phone = '07700 900789' WHERE id = {id}");
        }

        var found = await (await studio.GetAsync($"/api/v1/customers?phone={Uri.EscapeDataString("+447700900789")}")).JsonAsync();

        found.GetProperty("items").EnumerateArray().Select(c => c.Id()).Should().Equal(id);
    }
}
