using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Access;

/// <summary>Responses that carry a bearer credential or a customer's personal data must not be stored by any cache.</summary>
public sealed class PrivateResponseCachingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task IssuingACustomerAccessToken_IsAnsweredWithCacheControlNoStore()
    {
        var studio = await api.StudioAsync();
        var ada = await studio.CustomerAsync("Ada", "Lovelace", "ada@example.test");

        var issued = await studio.PostAsync($"/api/v1/customers/{ada}/access-tokens", new { expiresInMinutes = 60 });

        await issued.ShouldBe(HttpStatusCode.Created);
        (await issued.JsonAsync()).Str("token").Should().NotBeNullOrEmpty();
        issued.Headers.CacheControl.Should().NotBeNull("the body is a bearer token (RFC 6749 5.1 / RFC 9111: a response holding credentials says no-store)");
        issued.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task MemberAndStaffReadsOfPersonalData_AreAnsweredWithCacheControlNoStore()
    {
        var studio = await api.StudioAsync();
        var ada = await studio.CustomerAsync("Ada", "Lovelace", "ada@example.test");
        var (_, _, member) = await studio.MemberAsync(ada);

        foreach (var (client, path) in new[]
                 {
                     (member, "/api/v1/me"), (member, "/api/v1/me/bookings?when=all"), (member, "/api/v1/me/balance"),
                     (studio.Client, $"/api/v1/customers/{ada}"), (studio.Client, $"/api/v1/customers/{ada}/export"),
                 })
        {
            var response = await client.GetAsync(path);
            await response.ShouldBe(HttpStatusCode.OK);
            (response.Headers.CacheControl?.NoStore ?? false).Should().BeTrue($"GET {path} answers a customer's personal data to an authenticated caller");
        }
    }
}
