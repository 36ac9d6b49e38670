namespace UnifiedCustomers.Domain.Scheduling;

public sealed record SessionScheduled(ClassSession Session) : IDomainEvent { public ITenantOwned Subject => Session; }

public sealed record SessionCancelled(ClassSession Session) : IDomainEvent { public ITenantOwned Subject => Session; }
