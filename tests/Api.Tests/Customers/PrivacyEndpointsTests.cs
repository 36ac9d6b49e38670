using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Events;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Api.Tests.Customers;

/// <summary>A privacy request answered in two calls: export everything, then erase.</summary>
public sealed class PrivacyEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed record Person(TestStudio Studio, Guid Id, Guid Duplicate, Guid Booking, Guid Pack, Guid Membership, Guid Note);

    private async Task<Person> ArrangeAsync()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();
        var id = (await studio.CreatedAsync("/api/v1/customers", new { firstName = "Grace", lastName = "Hopper", email = "grace@example.test", phone = "+447700900123" })).Id();
        var duplicate = (await studio.CreatedAsync("/api/v1/customers", new { firstName = "Gracie", lastName = "Hopper", phone = "+447700900999" })).Id();
        await (await studio.PostAsync($"/api/v1/customers/{id}/merge", new { mergedId = duplicate })).ShouldBe(HttpStatusCode.OK);
        await (await studio.PutAsync($"/api/v1/customers/{id}", new { firstName = "Grace", lastName = "Hopper", email = "grace@example.test", phone = "+447700900123", notes = "prefers mornings" }))
            .ShouldBe(HttpStatusCode.OK);
        var pack = await studio.PackAsync(id);
        var membership = await studio.MembershipAsync(id);
        var booking = await studio.BookingAsync(id, await studio.SessionAsync(classType, TimeSpan.FromDays(2)));
        var note = (await studio.CreatedAsync($"/api/v1/customers/{id}/notes", new { content = "knee injury" })).Id();
        return new Person(studio, id, duplicate, booking, pack, membership, note);
    }

    [Fact]
    public async Task Export_HoldsEverythingStoredAboutThePerson()
    {
        var person = await ArrangeAsync();
        await person.Studio.MemberAsync(person.Id);

        var response = await person.Studio.GetAsync($"/api/v1/customers/{person.Id}/export");

        await response.ShouldBe(HttpStatusCode.OK);
        var export = await response.JsonAsync();
        export.GetProperty("customer").Str("email").Should().Be("grace@example.test");
        export.GetProperty("customer").Str("notes").Should().Be("prefers mornings");
        export.GetProperty("organization").Id().Should().Be(person.Studio.Id);
        export.GetProperty("notes").EnumerateArray().Select(n => n.Str("content")).Should().Equal("knee injury");
        export.GetProperty("packs").EnumerateArray().Select(p => p.Id()).Should().Equal(person.Pack);
        export.GetProperty("memberships").EnumerateArray().Select(m => m.Id()).Should().Equal(person.Membership);
        export.GetProperty("bookings").EnumerateArray().Select(b => b.Id()).Should().Equal(person.Booking);
        export.GetProperty("creditLedger").GetArrayLength().Should().BeGreaterThan(0);
        export.GetProperty("statusHistory").GetArrayLength().Should().BeGreaterThanOrEqualTo(2);
        export.GetProperty("accessTokens").GetArrayLength().Should().Be(1);
        export.GetProperty("mergedDuplicates").EnumerateArray().Select(d => d.Str("phone")).Should().Equal("+447700900999");
    }

    [Fact]
    public async Task Erase_AnonymisesThePersonAndDuplicates_KeepsBookingsAndLedger_AndRecordsIt()
    {
        var person = await ArrangeAsync();
        var (_, _, member) = await person.Studio.MemberAsync(person.Id);
        int ledgerBefore;
        await using (var db = api.Database.CreateDbContext()) ledgerBefore = await db.CreditLedger.CountAsync(e => e.CustomerId == person.Id);

        var response = await person.Studio.PostAsync($"/api/v1/customers/{person.Id}/erase", null);

        await response.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).Str("status").Should().Be("archived");
        await using (var db = api.Database.CreateDbContext())
        {
            foreach (var id in new[] { person.Id, person.Duplicate })
            {
                var row = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
                (row.FirstName, row.LastName, row.Email, row.Phone, row.Notes, row.Status).Should().Be(("Erased", "", null, null, null, LifecycleStatus.Archived));
                row.ErasedAt.Should().Be(api.Clock.GetUtcNow());
            }
            (await db.CustomerNotes.CountAsync(n => n.CustomerId == person.Id)).Should().Be(0);
            (await db.Bookings.CountAsync(b => b.CustomerId == person.Id)).Should().Be(1);
            (await db.CreditLedger.CountAsync(e => e.CustomerId == person.Id)).Should().Be(ledgerBefore);
            (await db.ClassPacks.CountAsync(p => p.CustomerId == person.Id)).Should().Be(1);
            (await db.CustomerStatusChanges.Where(h => h.CustomerId == person.Id && h.Cause == Customer.ErasedCause).Select(h => h.To).ToListAsync())
                .Should().Equal(LifecycleStatus.Archived);
            (await db.CustomerAccessTokens.Where(t => t.CustomerId == person.Id).Select(t => t.RevokedAt).ToListAsync()).Should().OnlyContain(r => r != null);
        }
        await (await member.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_revoked");

        foreach (var query in new[] { "email=grace@example.test", "phone=%2B447700900123", "phone=%2B447700900999", "name=Grace", "name=Hopper", "status=archived&name=hopper" })
        {
            var found = await (await person.Studio.GetAsync($"/api/v1/customers?{query}")).JsonAsync();
            found.GetProperty("items").GetArrayLength().Should().Be(0, query);
        }

        // The public widget no longer knows the old email either: booking with it makes somebody new.
        var session = await person.Studio.SessionAsync(await person.Studio.ClassTypeAsync("Open Class"), TimeSpan.FromDays(5));
        var widget = await api.CreateClient().PostAsJsonAsync($"/api/v1/public/{person.Studio.Slug}/bookings", new { sessionId = session, name = "Grace Hopper", email = "grace@example.test" });
        ((int)widget.StatusCode).Should().BeInRange(200, 299);
        await using (var db = api.Database.CreateDbContext())
            (await db.Customers.Where(c => c.OrganizationId == person.Studio.Id && c.Email == "grace@example.test").Select(c => c.Id).ToListAsync()).Should().ContainSingle().Which.Should().NotBe(person.Id);
    }

    // An erasure archived the customer and wiped them with no event: a CRM mirroring the feed kept the details.
    [Fact]
    public async Task Erase_IsPublished_TheArchivingAndTheWipedDetails()
    {
        var studio = await api.StudioAsync();
        var amy = await studio.CustomerAsync("Amy", "Archer", "amy@erase.test");
        await api.PublishAsync();
        var (_, cursor) = await studio.ReadAllAsync();

        await (await studio.PostAsync($"/api/v1/customers/{amy}/erase", null)).ShouldBe(HttpStatusCode.OK);
        await api.PublishAsync();

        var (events, _) = await studio.ReadAllAsync(cursor);
        events.Select(e => e.Str("type")).Should().Equal("customer.lifecycle_changed", "customer.updated");
        var (changed, updated) = (events[0].GetProperty("data"), events[1].GetProperty("data"));
        (changed.GetProperty("customer").Id(), changed.Str("to"), changed.Str("cause")).Should().Be((amy, "archived", Customer.ErasedCause));
        (updated.Id(), updated.Str("firstName"), updated.GetProperty("email").ValueKind).Should().Be((amy, "Erased", System.Text.Json.JsonValueKind.Null));
    }

    [Fact]
    public async Task Erase_IsIrreversible_NamedErrorsForTwiceUpdateRestoreAndMergedAway()
    {
        var person = await ArrangeAsync();
        await (await person.Studio.PostAsync($"/api/v1/customers/{person.Id}/erase", null)).ShouldBe(HttpStatusCode.OK);
        var after = await Rows.FingerprintAsync(api.Database);

        await (await person.Studio.PostAsync($"/api/v1/customers/{person.Id}/erase", null)).ShouldBeProblem(HttpStatusCode.Conflict, "customer.already_erased");
        await (await person.Studio.PutAsync($"/api/v1/customers/{person.Id}", new { firstName = "Grace", lastName = "Hopper", email = (string?)null, phone = (string?)null }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "customer.erased");
        await (await person.Studio.PostAsync($"/api/v1/customers/{person.Id}/restore", null)).ShouldBeProblem(HttpStatusCode.Conflict, "customer.erased");
        await (await person.Studio.PostAsync($"/api/v1/customers/{person.Id}/notes", new { content = "Grace said hello" })).ShouldBeProblem(HttpStatusCode.Conflict, "customer.erased");
        await (await person.Studio.PostAsync($"/api/v1/customers/{Guid.NewGuid()}/erase", null)).ShouldBeProblem(HttpStatusCode.NotFound, "customer.not_found");
        (await Rows.FingerprintAsync(api.Database)).Should().Be(after);

        var other = await ArrangeAsync();
        await (await other.Studio.PostAsync($"/api/v1/customers/{other.Duplicate}/erase", null)).ShouldBeProblem(HttpStatusCode.Conflict, "customer.merged");
    }
}
