using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Customers.RecomputeLifecycles;
using UnifiedCustomers.Application.Customers.SearchCustomers;
using UnifiedCustomers.Application.Scheduling.ListSessions;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Tool.Seeding;

namespace UnifiedCustomers.Application.Tests.Seeding;

public sealed class DemoSeedTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task Seed_BuildsAConsistentStudioOnce()
    {
        var output = new StringWriter();

        var first = await DemoSeed.RunAsync(backend.ConnectionString, backend.Clock, output: output);
        var second = await DemoSeed.RunAsync(backend.ConnectionString, backend.Clock, output: TextWriter.Null);

        (first, second).Should().Be((true, false));
        output.ToString().Should().Contain("Demo Studio").And.Contain("Olivia Bennett");
        var organizationId = DemoSeed.OrganizationId;
        var recompute = await backend.SendAsync(new RecomputeLifecyclesCommand(organizationId));
        recompute.Value.CustomersChanged.Should().Be(0, "every seeded status follows from the seeded purchases");
        foreach (var status in Enum.GetValues<LifecycleStatus>())
            (await backend.SendAsync(new SearchCustomersQuery(organizationId, Status: status))).Value.Total.Should().BeGreaterThan(0, $"the demo has a {status} customer");

        var today = DateOnly.FromDateTime(backend.Clock.GetUtcNow().UtcDateTime);
        var week = (await backend.SendAsync(new ListSessionsQuery(organizationId, today, today.AddDays(6)))).Value;
        week.Should().HaveCount(28);
        week.Should().Contain(s => s.Available == 0 && s.Waitlisted == 2);
        week.Should().Contain(s => s.Available == 1);
        (await backend.WithDbAsync(db => db.ClassPacks.AllAsync(p => p.CreditsRemaining > 0))).Should().BeTrue();
    }
}
