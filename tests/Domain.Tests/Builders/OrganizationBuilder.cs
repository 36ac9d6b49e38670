using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Domain.Tests.Builders;

internal sealed class OrganizationBuilder
{
    private string _timeZone = "Europe/London";
    private string _country = "GB";
    private BookingPolicy _policy = BookingPolicy.Default;

    public OrganizationBuilder InZone(string timeZone, string country)
    {
        _timeZone = timeZone;
        _country = country;
        return this;
    }

    public OrganizationBuilder WithPolicy(BookingPolicy policy)
    {
        _policy = policy;
        return this;
    }

    public Organization Build()
    {
        var organization = Organization.Create(A.StudioId, "Northside Yoga", "northside", _timeZone, _country, TestClock.Start).ShouldSucceed();
        organization.UpdatePolicy(_policy).ShouldSucceed();
        return organization;
    }
}
