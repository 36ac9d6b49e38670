using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Api.Tests.Members;

/// <summary>A member app over HTTP: a staff key issues a customer token; /api/v1/me acts for that customer and nobody else.</summary>
public sealed class MemberAppTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task IssuedToken_IsStoredWithItsExpiry_AndShowsTheCustomersOwnProfile()
    {
        var studio = await api.StudioAsync();
        var ada = await studio.CustomerAsync("Ada", "Lovelace", "ada@example.test");
        var issued = await studio.CreatedAsync($"/api/v1/customers/{ada}/access-tokens", new { expiresInMinutes = 30, label = "phone" });

        issued.Str("tokenType").Should().Be("Bearer");
        issued.GetProperty("expiresAt").GetDateTimeOffset().Should().Be(api.Clock.GetUtcNow().AddMinutes(30));
        await using (var db = api.Database.CreateDbContext())
        {
            var row = await db.CustomerAccessTokens.SingleAsync(t => t.Id == issued.Id());
            (row.CustomerId, row.OrganizationId, row.Label, row.ExpiresAt, row.RevokedAt).Should().Be((ada, studio.Id, "phone", api.Clock.GetUtcNow().AddMinutes(30), null));
        }

        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Str("token"));
        var me = await client.GetAsync("/api/v1/me");
        await me.ShouldBe(HttpStatusCode.OK);
        var profile = await me.JsonAsync();
        profile.Id().Should().Be(ada);
        profile.Str("email").Should().Be("ada@example.test");
        profile.GetProperty("studio").Str("slug").Should().Be(studio.Slug);
        profile.TryGetProperty("notes", out _).Should().BeFalse("staff notes are not the member's to read");
    }

    [Fact]
    public async Task Member_Books_SeesBalanceAndLedger_CancelsOwnBooking_JoinsAndLeavesAWaitlist()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync(capacity: 1);
        var ada = await studio.CustomerAsync("Ada");
        var other = await studio.CustomerAsync("Bob");
        var pack = await studio.PackAsync(ada, credits: 5);
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(2));
        var full = await studio.SessionAsync(classType, TimeSpan.FromDays(3), capacity: 1);
        await studio.BookingAsync(other, full);
        var (_, _, member) = await studio.MemberAsync(ada);

        var booked = await member.PostAsJsonAsync("/api/v1/me/bookings", new { sessionId = session, payment = new { method = "pack", id = pack } });
        await booked.ShouldBe(HttpStatusCode.Created);
        var booking = (await booked.JsonAsync()).Id();
        booked.Headers.Location!.ToString().Should().Be($"/api/v1/me/bookings/{booking}");

        var balance = await (await member.GetAsync("/api/v1/me/balance")).JsonAsync();
        balance.GetProperty("packs")[0].GetProperty("creditsRemaining").GetInt32().Should().Be(4);
        var ledger = await (await member.GetAsync("/api/v1/me/credit-ledger")).JsonAsync();
        ledger.GetProperty("items")[0].GetProperty("delta").GetInt32().Should().Be(-1);
        var mine = await (await member.GetAsync("/api/v1/me/bookings")).JsonAsync();
        mine.GetProperty("items").EnumerateArray().Select(b => b.Id()).Should().Equal(booking);

        await (await member.PostAsync($"/api/v1/me/bookings/{booking}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        await using (var db = api.Database.CreateDbContext())
        {
            (await db.Bookings.SingleAsync(b => b.Id == booking)).Should().BeEquivalentTo(new { Status = BookingStatus.Cancelled, Source = BookingSource.MemberApp, CustomerId = ada });
            (await db.ClassPacks.SingleAsync(p => p.Id == pack)).CreditsRemaining.Should().Be(5);
        }

        var refused = await member.PostAsJsonAsync("/api/v1/me/bookings", new { sessionId = full });
        await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.full");
        var waiting = await member.PostAsJsonAsync("/api/v1/me/bookings", new { sessionId = full, joinWaitlistIfFull = true });
        await waiting.ShouldBe(HttpStatusCode.Created);
        var place = await waiting.JsonAsync();
        place.Str("status").Should().Be("waitlisted");
        await (await member.PostAsync($"/api/v1/me/bookings/{place.Id()}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        await using (var db = api.Database.CreateDbContext())
            (await db.Bookings.SingleAsync(b => b.Id == place.Id())).Status.Should().Be(BookingStatus.Cancelled);
    }

    [Fact]
    public async Task TokenForA_NeverReachesB()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();
        var a = await studio.CustomerAsync("Ann");
        var b = await studio.CustomerAsync("Bea", "Secret", "bea@example.test");
        var bPack = await studio.PackAsync(b);
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(2));
        var bBooking = await studio.BookingAsync(b, session);
        var other = await studio.SessionAsync(classType, TimeSpan.FromDays(4));
        var (token, _, member) = await studio.MemberAsync(a);
        var before = await Rows.FingerprintAsync(api.Database);

        foreach (var response in new[]
                 {
                     await member.GetAsync($"/api/v1/me/bookings/{bBooking}"),
                     await member.PostAsync($"/api/v1/me/bookings/{bBooking}/cancel", null),
                 })
        {
            var text = await response.Content.ReadAsStringAsync();
            await response.ShouldBeProblem(HttpStatusCode.NotFound, "booking.not_found");
            text.Should().NotContain(b.ToString()).And.NotContain("bea@example.test");
        }
        var withBsPack = await member.PostAsJsonAsync("/api/v1/me/bookings", new { sessionId = other, payment = new { method = "pack", id = bPack } });
        ((int)withBsPack.StatusCode).Should().BeOneOf(404, 422);
        (await withBsPack.Content.ReadAsStringAsync()).Should().NotContain("bea@example.test");
        var complimentary = await member.PostAsJsonAsync("/api/v1/me/bookings", new { sessionId = other, payment = new { method = "complimentary" } });
        await complimentary.ShouldBeProblem(HttpStatusCode.BadRequest, "member.payment_not_allowed");

        // The customer token is no staff key: every staff route refuses it.
        foreach (var path in new[] { "/api/v1/customers", $"/api/v1/customers/{b}", $"/api/v1/bookings/{bBooking}", $"/api/v1/customers/{b}/export", "/api/v1/organization" })
            await (await member.GetAsync(path)).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.api_key_invalid");
        await (await member.PostAsJsonAsync("/api/v1/bookings", new { customerId = b, sessionId = other })).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.api_key_invalid");
        await (await member.PostAsJsonAsync($"/api/v1/customers/{b}/access-tokens", new { })).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.api_key_invalid");

        (await Rows.FingerprintAsync(api.Database)).Should().Be(before);
        token.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task MeRoutes_RefuseNoToken_AStaffKey_AForgedToken_AndAnExpiredOne()
    {
        var studio = await api.StudioAsync();
        var ada = await studio.CustomerAsync("Ada");
        var (_, tokenId, member) = await studio.MemberAsync(ada, expiresInMinutes: 5);

        await (await api.CreateClient().GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_missing");
        await (await studio.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_invalid");

        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "unifiedcustomers",
            Audience = "unifiedcustomers-member",
            Expires = DateTime.UtcNow.AddYears(10),
            Claims = new Dictionary<string, object> { ["sub"] = ada.ToString(), ["jti"] = tokenId.ToString(), ["org"] = studio.Id.ToString() },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-another-key-another-key-!!")), SecurityAlgorithms.HmacSha256),
        });
        var forger = api.CreateClient();
        forger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        await (await forger.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_invalid");

        await (await member.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        api.Clock.Advance(TimeSpan.FromMinutes(5));
        await (await member.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_expired");
    }

    [Fact]
    public async Task RevokingArchivingOrSigningOut_EndsTheToken()
    {
        var studio = await api.StudioAsync();
        var ada = await studio.CustomerAsync("Ada");
        var (_, first, revokedClient) = await studio.MemberAsync(ada);
        var (_, _, signedOut) = await studio.MemberAsync(ada);
        var (_, _, archivedClient) = await studio.MemberAsync(ada);

        await (await studio.PostAsync($"/api/v1/customers/{ada}/access-tokens/{first}/revoke", null)).ShouldBe(HttpStatusCode.OK);
        await (await studio.PostAsync($"/api/v1/customers/{ada}/access-tokens/{first}/revoke", null)).ShouldBeProblem(HttpStatusCode.Conflict, "access_token.already_revoked");
        await (await revokedClient.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_revoked");

        (await signedOut.PostAsync("/api/v1/me/sign-out", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await signedOut.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_revoked");

        await (await archivedClient.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        await (await studio.PostAsync($"/api/v1/customers/{ada}/archive", null)).ShouldBe(HttpStatusCode.OK);
        await (await archivedClient.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_revoked");

        var page = await (await studio.GetAsync($"/api/v1/customers/{ada}/access-tokens")).JsonAsync();
        page.GetProperty("total").GetInt32().Should().Be(3);
        var listed = page.GetProperty("items");
        listed.EnumerateArray().Count(t => t.GetProperty("revokedAt").ValueKind != System.Text.Json.JsonValueKind.Null)
            .Should().Be(3, "archiving revokes the token, it does not only refuse it while archived");
        listed.EnumerateArray().Select(t => t.TryGetProperty("token", out var secret)).Should().OnlyContain(has => !has);
        await (await studio.PostAsync($"/api/v1/customers/{ada}/restore", null)).ShouldBe(HttpStatusCode.OK);
        await (await archivedClient.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_revoked");
    }

    // Archiving only refused a token while archived: restoring the customer let it in again, and a merged-away one's too.
    [Fact]
    public async Task MergingACustomerAway_EndsTheirTokens()
    {
        var studio = await api.StudioAsync();
        var survivor = await studio.CustomerAsync("Ada");
        var merged = await studio.CustomerAsync("Adah");
        var (_, token, member) = await studio.MemberAsync(merged);

        await (await studio.PostAsync($"/api/v1/customers/{survivor}/merge", new { mergedId = merged })).ShouldBe(HttpStatusCode.OK);

        await (await member.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.customer_token_revoked");
        await using var db = api.Database.CreateDbContext();
        (await db.CustomerAccessTokens.SingleAsync(t => t.Id == token)).RevokedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Issuing_RefusesAnArchivedCustomer_AndALifetimeOutOfRange()
    {
        var studio = await api.StudioAsync();
        var ada = await studio.CustomerAsync("Ada");

        await (await studio.PostAsync($"/api/v1/customers/{ada}/access-tokens", new { expiresInMinutes = 2000 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "access_token.lifetime_invalid");
        await (await studio.PostAsync($"/api/v1/customers/{Guid.NewGuid()}/access-tokens", new { })).ShouldBeProblem(HttpStatusCode.NotFound, "customer.not_found");
        await (await studio.PostAsync($"/api/v1/customers/{ada}/archive", null)).ShouldBe(HttpStatusCode.OK);
        await (await studio.PostAsync($"/api/v1/customers/{ada}/access-tokens", new { })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "customer.archived");

        await using var db = api.Database.CreateDbContext();
        (await db.CustomerAccessTokens.CountAsync(t => t.CustomerId == ada)).Should().Be(0, "nothing is issued");
    }

    [Theory]
    [InlineData("/api/v1/me/bookings", false)]
    [InlineData("/api/v1/me/credit-ledger", false)]
    [InlineData("/api/v1/customers/{customer}/access-tokens", true)]
    public async Task MemberLists_HaveThePagingContract(string template, bool staff)
    {
        var studio = await api.StudioAsync();
        var ada = await studio.CustomerAsync("Ada");
        var (_, _, member) = await studio.MemberAsync(ada);
        var client = staff ? studio.Client : member;
        var path = template.Replace("{customer}", ada.ToString(), StringComparison.Ordinal);

        var first = await (await client.GetAsync(path)).JsonAsync();
        (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()).Should().Be((1, 25));
        await (await client.GetAsync($"{path}?pageSize=101")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        await (await client.GetAsync($"{path}?page=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
    }
}
