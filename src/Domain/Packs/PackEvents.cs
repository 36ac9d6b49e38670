namespace UnifiedCustomers.Domain.Packs;

public sealed record PackSold(ClassPack Pack) : IDomainEvent { public ITenantOwned Subject => Pack; }

/// <summary>The last credit was spent.</summary>
public sealed record PackExhausted(ClassPack Pack) : IDomainEvent { public ITenantOwned Subject => Pack; }

/// <summary>A credit came back to a pack that had none left: it can pay again.</summary>
public sealed record PackReplenished(ClassPack Pack) : IDomainEvent { public ITenantOwned Subject => Pack; }

/// <summary>The pack's validity ended with credits left (noticed by the daily run).</summary>
public sealed record PackExpired(ClassPack Pack) : IDomainEvent { public ITenantOwned Subject => Pack; }
