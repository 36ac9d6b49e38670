namespace UnifiedCustomers.Domain.Customers;

public sealed record CustomerRegistered(Customer Customer) : IDomainEvent { public ITenantOwned Subject => Customer; }

public sealed record CustomerDetailsChanged(Customer Customer) : IDomainEvent { public ITenantOwned Subject => Customer; }

public sealed record CustomerLifecycleChanged(Customer Customer, LifecycleStatus From, LifecycleStatus To, string Cause) : IDomainEvent
{
    public ITenantOwned Subject => Customer;
}

/// <summary>Raised on the survivor: <paramref name="MergedId"/> was the same person and is now archived, pointing here.</summary>
public sealed record CustomersMerged(Customer Survivor, Guid MergedId) : IDomainEvent { public ITenantOwned Subject => Survivor; }

public sealed record CustomerArchived(Customer Customer) : IDomainEvent { public ITenantOwned Subject => Customer; }

public sealed record CustomerRestored(Customer Customer) : IDomainEvent { public ITenantOwned Subject => Customer; }
