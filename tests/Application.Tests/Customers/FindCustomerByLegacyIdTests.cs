using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Customers.FindCustomerByLegacyId;
using UnifiedCustomers.Application.Customers.MergeCustomers;
using UnifiedCustomers.Application.Tests.Support;

namespace UnifiedCustomers.Application.Tests.Customers;

public sealed class FindCustomerByLegacyIdTests(Backend backend) : IClassFixture<Backend>
{
    private Task MapAsync(string sourceTable, Guid legacyId, Guid customerId, string outcome = "migrated") => backend.WithDbAsync(db =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome) VALUES ({sourceTable}, {legacyId}, 'customers', {customerId}, {outcome})"));

    [Fact]
    public async Task Find_ALegacyLeadOrClientId_ReturnsTheCustomerItBecame()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync("Uma Urn");
        var (leadId, clientId) = (Guid.NewGuid(), Guid.NewGuid());
        await MapAsync("legacy.leads", leadId, customer.Id, "merged");
        await MapAsync("legacy.clients", clientId, customer.Id);

        var byLead = await backend.SendAsync(new FindCustomerByLegacyIdQuery(studio.Id, leadId));
        var byClient = await backend.SendAsync(new FindCustomerByLegacyIdQuery(studio.Id, clientId));

        byLead.Value.Should().Match<FindCustomerByLegacyIdResponse>(r =>
            r.SourceTable == "legacy.leads" && r.Outcome == "merged" && r.MappedCustomerId == customer.Id && r.Customer.Id == customer.Id);
        byClient.Value.Customer.FullName.Should().Be("Uma Urn");
    }

    [Fact]
    public async Task Find_ACustomerMergedSince_FollowsToTheSurvivor()
    {
        var studio = await Studio.OpenAsync(backend);
        var merged = await studio.CustomerAsync("Vic Vale");
        var survivor = await studio.CustomerAsync("Victor Vale");
        var legacyId = Guid.NewGuid();
        await MapAsync("legacy.clients", legacyId, merged.Id);
        (await backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id))).IsSuccess.Should().BeTrue();

        var result = await backend.SendAsync(new FindCustomerByLegacyIdQuery(studio.Id, legacyId));

        result.Value.MappedCustomerId.Should().Be(merged.Id);
        result.Value.Customer.Id.Should().Be(survivor.Id);
    }

    [Fact]
    public async Task Find_AnUnknownIdOrAnotherStudiosId_IsLegacyIdNotFound()
    {
        var studio = await Studio.OpenAsync(backend);
        var other = await Studio.OpenAsync(backend);
        var theirs = await other.CustomerAsync();
        var theirLegacyId = Guid.NewGuid();
        await MapAsync("legacy.clients", theirLegacyId, theirs.Id);

        (await backend.SendAsync(new FindCustomerByLegacyIdQuery(studio.Id, Guid.NewGuid()))).Error!.Code.Should().Be("legacy_id.not_found");
        (await backend.SendAsync(new FindCustomerByLegacyIdQuery(studio.Id, theirLegacyId))).Error!.Code.Should().Be("legacy_id.not_found");
    }
}
