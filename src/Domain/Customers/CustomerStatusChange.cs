namespace UnifiedCustomers.Domain.Customers;

/// <summary>One entry of a customer's status history; never updated or deleted.</summary>
public sealed class CustomerStatusChange : ITenantOwned
{
    private CustomerStatusChange() { }

    internal CustomerStatusChange(Guid customerId, Guid organizationId, LifecycleStatus? from, LifecycleStatus to, StatusCause cause, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CustomerId = customerId;
        OrganizationId = organizationId;
        From = from;
        To = to;
        Cause = cause.Value;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public LifecycleStatus? From { get; private set; }
    public LifecycleStatus To { get; private set; }
    public string Cause { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
