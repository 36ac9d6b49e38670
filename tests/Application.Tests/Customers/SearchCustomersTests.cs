using FluentValidation;
using UnifiedCustomers.Application.Customers.RegisterCustomer;
using UnifiedCustomers.Application.Customers.SearchCustomers;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Tests.Customers;

public sealed class SearchCustomersTests(Backend backend) : IClassFixture<Backend>, IAsyncLifetime
{
    private Studio _studio = null!;

    public async Task InitializeAsync()
    {
        _studio = await Studio.OpenAsync(backend);
        await Register("Amy", "Archer", "amy@example.com", "020 7946 0018");
        await Register("Amelia", "Archibald", "amelia@sample.org", null);
        await Register("Bob", "Amsel", "bob@example.com", "07700 900123");
        await _studio.CustomerAsync("Carl Cross", LifecycleStatus.Member);
        await _studio.CustomerAsync("Zed Zane", LifecycleStatus.Archived);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task Register(string first, string last, string? email, string? phone) =>
        (await backend.SendAsync(new RegisterCustomerCommand(_studio.Id, first, last, email, phone))).IsSuccess.Should().BeTrue();

    [Fact]
    public async Task Search_ByNameWords_MatchesTheStartOfFirstOrLastNames()
    {
        var result = await backend.SendAsync(new SearchCustomersQuery(_studio.Id, Name: "am ARCH"));

        result.Value.Items.Select(c => c.FullName).Should().Equal("Amy Archer", "Amelia Archibald");
        result.Value.Total.Should().Be(2);
    }

    [Fact]
    public async Task Search_ByEmailPartOrPhoneInAnyFormat_FindsTheCustomer()
    {
        var byEmail = await backend.SendAsync(new SearchCustomersQuery(_studio.Id, Email: "SAMPLE.org"));
        var byPhone = await backend.SendAsync(new SearchCustomersQuery(_studio.Id, Phone: "+44 20 7946 0018"));

        byEmail.Value.Items.Should().ContainSingle().Which.FullName.Should().Be("Amelia Archibald");
        byPhone.Value.Items.Should().ContainSingle().Which.FullName.Should().Be("Amy Archer");
    }

    [Fact]
    public async Task Search_WithoutStatus_LeavesArchivedOut_AndByStatusFindsThem()
    {
        var everyone = await backend.SendAsync(new SearchCustomersQuery(_studio.Id));
        var members = await backend.SendAsync(new SearchCustomersQuery(_studio.Id, Status: LifecycleStatus.Member));
        var archived = await backend.SendAsync(new SearchCustomersQuery(_studio.Id, Status: LifecycleStatus.Archived));

        everyone.Value.Total.Should().Be(4);
        everyone.Value.Items.Select(c => c.LastName).Should().Equal("Amsel", "Archer", "Archibald", "Cross");
        members.Value.Items.Should().ContainSingle().Which.FullName.Should().Be("Carl Cross");
        archived.Value.Items.Should().ContainSingle().Which.FullName.Should().Be("Zed Zane");
    }

    [Fact]
    public async Task Search_APage_ReturnsThatSliceAndTheTotal()
    {
        var result = await backend.SendAsync(new SearchCustomersQuery(_studio.Id, Page: 2, PageSize: 3));

        result.Value.Should().Match<Common.PagedList<Application.Customers.CustomerResponse>>(p => p.Page == 2 && p.PageSize == 3 && p.Total == 4);
        result.Value.Items.Should().ContainSingle().Which.LastName.Should().Be("Cross");
    }

    [Fact]
    public async Task Search_WithABadPage_FailsValidationByField()
    {
        var act = () => backend.SendAsync(new SearchCustomersQuery(_studio.Id, Page: 0, PageSize: 500));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo("Page", "PageSize");
    }
}
