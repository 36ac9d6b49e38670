using System.Net;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Public;

public sealed class WidgetOrigins : ApiFactory
{
    public const string Everywhere = "https://widget.example";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["PublicWidget:AllowedOrigins:0"] = Everywhere,
    };
}

/// <summary>A browser on a page of an origin the studio allows may call its widget; nobody else, and nobody the staff routes.</summary>
public sealed class WidgetCorsTests(WidgetOrigins api) : IClassFixture<WidgetOrigins>
{
    private async Task<TestStudio> StudioAllowingAsync(params string[] origins)
    {
        var studio = await api.StudioAsync();
        await using var owner = api.OwnerDbContext();
        var organization = await owner.Organizations.SingleAsync(o => o.Id == studio.Id);
        organization.AllowOrigins(origins).IsSuccess.Should().BeTrue();
        await owner.SaveChangesAsync();
        return studio;
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method = "POST")
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");
        return await api.CreateClient().SendAsync(request);
    }

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    [Fact]
    public async Task Preflight_FromAnOriginTheStudioAllows_IsAnswered()
    {
        var studio = await StudioAllowingAsync("https://Studio-A.example/");

        var response = await PreflightAsync($"/api/v1/public/{studio.Slug}/bookings", "https://studio-a.example");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        AllowedOrigin(response).Should().Be("https://studio-a.example");
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")).Should().Contain("POST");
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant().Should().Contain("content-type").And.Contain("idempotency-key");
    }

    [Fact]
    public async Task Preflight_FromAnOriginNobodyAllows_OrAnotherStudiosOrigin_GetsNoAllowOrigin()
    {
        var studio = await StudioAllowingAsync("https://studio-a.example");
        var other = await StudioAllowingAsync("https://studio-b.example");

        var stranger = await PreflightAsync($"/api/v1/public/{studio.Slug}/bookings", "https://evil.example");
        var otherStudios = await PreflightAsync($"/api/v1/public/{studio.Slug}/bookings", "https://studio-b.example");
        var unknownStudio = await PreflightAsync("/api/v1/public/no-such-studio/bookings", "https://studio-a.example");

        AllowedOrigin(stranger).Should().BeNull();
        AllowedOrigin(otherStudios).Should().BeNull();
        AllowedOrigin(unknownStudio).Should().BeNull();
        AllowedOrigin(await PreflightAsync($"/api/v1/public/{other.Slug}/bookings", "https://studio-b.example")).Should().Be("https://studio-b.example");
    }

    [Fact]
    public async Task ConfiguredOrigin_IsAllowedForEveryStudio_AndActualRequestsCarryTheHeader()
    {
        var studio = await api.StudioAsync();

        var preflight = await PreflightAsync($"/api/v1/public/{studio.Slug}/schedule", WidgetOrigins.Everywhere, "GET");
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/{studio.Slug}/schedule");
        get.Headers.Add("Origin", WidgetOrigins.Everywhere);
        var actual = await api.CreateClient().SendAsync(get);

        AllowedOrigin(preflight).Should().Be(WidgetOrigins.Everywhere);
        await actual.ShouldBe(HttpStatusCode.OK);
        AllowedOrigin(actual).Should().Be(WidgetOrigins.Everywhere);
    }

    [Fact]
    public async Task StaffRoutes_AnswerNoCrossOriginRequest_EvenFromAnAllowedOrigin()
    {
        var studio = await StudioAllowingAsync("https://studio-a.example");

        var preflight = await PreflightAsync("/api/v1/customers", "https://studio-a.example", "GET");
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/customers");
        get.Headers.Add("Origin", WidgetOrigins.Everywhere);
        var actual = await studio.Client.SendAsync(get);

        AllowedOrigin(preflight).Should().BeNull();
        preflight.Headers.Contains("Access-Control-Allow-Methods").Should().BeFalse();
        await actual.ShouldBe(HttpStatusCode.OK);
        AllowedOrigin(actual).Should().BeNull();
    }

    [Theory]
    [InlineData("studio.example")]
    [InlineData("ftp://studio.example")]
    [InlineData("https://studio.example/path")]
    [InlineData("https://user@studio.example")]
    public void AnOriginIsSchemeHostAndPort_NothingElse(string origin)
    {
        var organization = Domain.Organizations.Organization.Create(Guid.NewGuid(), "Studio", "studio", "Europe/London", "GB", ApiFactory.Start).Value;

        organization.AllowOrigins([origin]).Error!.Code.Should().Be("organization.origin_invalid");
    }
}
