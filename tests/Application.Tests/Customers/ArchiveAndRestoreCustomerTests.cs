using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Customers.ArchiveCustomer;
using UnifiedCustomers.Application.Customers.GetCustomerStatusHistory;
using UnifiedCustomers.Application.Customers.RegisterCustomer;
using UnifiedCustomers.Application.Customers.RestoreCustomer;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Tests.Customers;

public sealed class ArchiveAndRestoreCustomerTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task Archive_ACustomer_ArchivesWithTheReasonInTheHistory()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync("Lou Lane", LifecycleStatus.Member);
        backend.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await backend.SendAsync(new ArchiveCustomerCommand(studio.Id, customer.Id, "moved away"));

        result.Value.Status.Should().Be(LifecycleStatus.Archived);
        var history = await backend.SendAsync(new GetCustomerStatusHistoryQuery(studio.Id, customer.Id));
        // Registration and the first purchase share an instant, so only the archive's place is certain.
        history.Value.Select(h => (h.From, h.To, h.Cause)).Should().BeEquivalentTo([
            (null, LifecycleStatus.Lead, "registered"),
            ((LifecycleStatus?)LifecycleStatus.Lead, LifecycleStatus.Member, "test"),
            ((LifecycleStatus?)LifecycleStatus.Member, LifecycleStatus.Archived, "moved away")]);
        history.Value[^1].To.Should().Be(LifecycleStatus.Archived);
    }

    [Fact]
    public async Task Archive_TwiceOrAnUnknownCustomer_IsRefused()
    {
        var studio = await Studio.OpenAsync(backend);
        var archived = await studio.CustomerAsync(status: LifecycleStatus.Archived);

        (await backend.SendAsync(new ArchiveCustomerCommand(studio.Id, archived.Id))).Error!.Code.Should().Be("customer.already_archived");
        (await backend.SendAsync(new ArchiveCustomerCommand(studio.Id, Guid.NewGuid()))).Error!.Code.Should().Be("customer.not_found");
    }

    [Fact]
    public async Task Restore_ACustomerWithAMembershipInForce_ComesBackAsAMember()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync("Max Moss");
        await studio.MembershipAsync(customer, Allowance.Unlimited);
        (await backend.SendAsync(new ArchiveCustomerCommand(studio.Id, customer.Id))).IsSuccess.Should().BeTrue();

        var result = await backend.SendAsync(new RestoreCustomerCommand(studio.Id, customer.Id));

        result.Value.Status.Should().Be(LifecycleStatus.Member, "restoring recomputes the status from what they hold");
        (await studio.ReloadAsync(customer)).StatusHistory.Last().Should().Match<CustomerStatusChange>(h => h.From == LifecycleStatus.Archived && h.Cause == "restored");
    }

    [Fact]
    public async Task Restore_ACustomerWhoBoughtNothing_ComesBackAsALead()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync(status: LifecycleStatus.Archived);

        (await backend.SendAsync(new RestoreCustomerCommand(studio.Id, customer.Id))).Value.Status.Should().Be(LifecycleStatus.Lead);
    }

    [Fact]
    public async Task Restore_ACustomerWhoIsNotArchived_IsNotArchived()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();

        (await backend.SendAsync(new RestoreCustomerCommand(studio.Id, customer.Id))).Error!.Code.Should().Be("customer.not_archived");
    }

    [Fact]
    public async Task Restore_WhenSomeoneElseTookTheirEmailMeanwhile_IsEmailTaken()
    {
        var studio = await Studio.OpenAsync(backend);
        var first = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Ned", "North", "ned@example.com"));
        (await backend.SendAsync(new ArchiveCustomerCommand(studio.Id, first.Value.Id))).IsSuccess.Should().BeTrue();
        (await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Ned", "Newer", "ned@example.com"))).IsSuccess.Should().BeTrue();

        var result = await backend.SendAsync(new RestoreCustomerCommand(studio.Id, first.Value.Id));

        result.Error!.Code.Should().Be("customer.email_taken");
        (await backend.WithDbAsync(db => db.Customers.SingleAsync(c => c.Id == first.Value.Id))).Status.Should().Be(LifecycleStatus.Archived);
    }

    [Fact]
    public async Task Restore_ACustomerMergedAway_IsMerged_AndAnUnknownOnesHistoryIsNotFound()
    {
        var studio = await Studio.OpenAsync(backend);
        var survivor = await studio.CustomerAsync("Ros Rowe");
        var merged = await studio.CustomerAsync("Rosalind Rowe");
        (await backend.SendAsync(new Application.Customers.MergeCustomers.MergeCustomersCommand(studio.Id, survivor.Id, merged.Id))).IsSuccess.Should().BeTrue();

        (await backend.SendAsync(new RestoreCustomerCommand(studio.Id, merged.Id))).Error!.Code.Should().Be("customer.merged");
        (await backend.SendAsync(new GetCustomerStatusHistoryQuery(studio.Id, Guid.NewGuid()))).Error!.Code.Should().Be("customer.not_found");
    }
}
