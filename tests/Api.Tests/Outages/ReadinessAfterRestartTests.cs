using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Outages;

/// <summary>README "Endpoints": /health/ready is 200 when the database is reachable; ADR 0008: the API heals by itself after a restart.</summary>
public sealed class ReadinessAfterRestartTests(OwnClusterApiFactory api) : IClassFixture<OwnClusterApiFactory>
{
    [Fact]
    public async Task AfterAnIdleDatabaseRestart_ReadinessTellsTheTruth_FromTheFirstProbe()
    {
        var studio = await api.StudioAsync();
        var warm = Enumerable.Range(0, 8).Select(_ => studio.GetAsync("/api/v1/customers")).ToList();
        foreach (var response in await Task.WhenAll(warm)) await response.ShouldBe(HttpStatusCode.OK);
        var probe = api.CreateClient();
        await (await probe.GetAsync("/health/ready")).ShouldBe(HttpStatusCode.OK);

        await api.RestartAsync();

        // The database is up and accepts writes again: a kubelet probing three times must not take the pod out of service.
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var ready = await probe.GetAsync("/health/ready");
            answers.Add($"{(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}");
        }
        answers.Should().AllSatisfy(a => a.Should().StartWith("200"));
    }
}
