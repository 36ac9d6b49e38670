using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Tests.Support;

namespace UnifiedCustomers.Application.Tests.Cli;

/// <summary>The tool's `create-organization`, the README's way to make a studio.</summary>
public sealed class CreateOrganizationCommandTests(Backend backend) : IClassFixture<Backend>
{
    private Task<int> RunAsync(string slug, string timeZone = "Europe/London", string country = "gb") =>
        Tool.Cli.RunAsync(
            ["create-organization", "--connection", backend.ConnectionString, "--name", " Northside Yoga ", "--slug", slug, "--time-zone", timeZone, "--country", country]);

    [Fact]
    public async Task CreatesTheOrganization_ThenRefusesItsSlugAgain_AndInvalidValues()
    {
        var slug = "northside-" + Guid.NewGuid().ToString("N")[..8];

        (await RunAsync(slug)).Should().Be(0);
        (await RunAsync(slug)).Should().Be(1, "the slug is taken");
        (await RunAsync("other-" + slug, timeZone: "Mars/Olympus")).Should().Be(2);
        (await RunAsync("other-" + slug, country: "GBR")).Should().Be(2);
        (await RunAsync("Not A Slug")).Should().Be(2);
        (await Tool.Cli.RunAsync(["create-organization", "--connection", backend.ConnectionString, "--name", "X"])).Should().Be(2);

        var rows = await backend.WithDbAsync(db => db.Organizations.AsNoTracking().Where(o => o.Slug.EndsWith(slug)).ToListAsync());
        rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "Northside Yoga", Slug = slug, TimeZone = "Europe/London", Country = "GB" });
    }
}
