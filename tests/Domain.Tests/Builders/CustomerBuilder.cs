using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Domain.Tests.Builders;

internal sealed class CustomerBuilder
{
    private Guid _organizationId = A.StudioId;
    private string _firstName = "Ada";
    private string? _email = "ada@example.com";
    private string? _phone;
    private LifecycleEvidence _evidence = LifecycleEvidence.Nothing;
    private bool _archived;

    public CustomerBuilder In(Guid organizationId)
    {
        _organizationId = organizationId;
        return this;
    }

    public CustomerBuilder Named(string firstName)
    {
        _firstName = firstName;
        return this;
    }

    public CustomerBuilder WithEmail(string? email)
    {
        _email = email;
        return this;
    }

    public CustomerBuilder WithPhone(string? phone)
    {
        _phone = phone;
        return this;
    }

    public CustomerBuilder AsMember() => Holding(new LifecycleEvidence(HasCurrentPaid: true, HasCurrentTrial: false, HasPastPurchase: true));

    public CustomerBuilder AsTrial() => Holding(new LifecycleEvidence(HasCurrentPaid: false, HasCurrentTrial: true, HasPastPurchase: true));

    public CustomerBuilder AsLapsed() => Holding(new LifecycleEvidence(HasCurrentPaid: false, HasCurrentTrial: false, HasPastPurchase: true));

    public CustomerBuilder Archived()
    {
        _archived = true;
        return this;
    }

    public Customer Build()
    {
        var customer = Customer.Register(_organizationId, _firstName, "Lovelace", _email, _phone, "website", TestClock.Start).ShouldSucceed();
        customer.ApplyPurchases(_evidence, "bought", TestClock.Start);
        if (_archived) customer.Archive("left the area", TestClock.Start).ShouldSucceed();
        return customer;
    }

    private CustomerBuilder Holding(LifecycleEvidence evidence)
    {
        _evidence = evidence;
        return this;
    }
}
