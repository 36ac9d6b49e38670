using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Docs;

/// <summary>
/// The walkthrough ./run.sh prints (scripts/walkthrough.txt) is the README's, and every endpoint it
/// calls exists. (Running it takes a real server: it was run as printed against ./run.sh.)
/// </summary>
public sealed partial class WalkthroughTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string Walkthrough = File.ReadAllText(Path.Combine(TestServer.RepositoryRoot(), "scripts", "walkthrough.txt"));

    [Fact]
    public void TheReadme_ShowsTheSameWalkthrough()
    {
        var readme = File.ReadAllText(Path.Combine(TestServer.RepositoryRoot(), "README.md"));

        var lines = Walkthrough.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("KEY=") && !l.StartsWith("URL="));
        lines.Should().OnlyContain(line => readme.Contains(line), "README.md shows scripts/walkthrough.txt");
    }

    [Fact]
    public void EveryCallOfTheWalkthrough_NamesAnEndpoint()
    {
        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "^" + Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), "\\{[^}]+\\}", "[^/]+") + "$").ToList();

        var paths = Call().Matches(Walkthrough).Select(m => Regex.Replace(m.Groups[1].Value, "\\$[A-Z]+", "x")).ToList();

        paths.Should().HaveCountGreaterThan(8);
        paths.Should().OnlyContain(path => routes.Any(route => Regex.IsMatch(path, route)));
    }

    [GeneratedRegex("\\$URL(/api/v1/[^?\"]*)")]
    private static partial Regex Call();
}
