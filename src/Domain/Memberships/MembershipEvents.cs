namespace UnifiedCustomers.Domain.Memberships;

public sealed record MembershipSold(Membership Membership) : IDomainEvent { public ITenantOwned Subject => Membership; }

public sealed record MembershipPaused(Membership Membership) : IDomainEvent { public ITenantOwned Subject => Membership; }

public sealed record MembershipResumed(Membership Membership) : IDomainEvent { public ITenantOwned Subject => Membership; }

public sealed record MembershipCancelled(Membership Membership) : IDomainEvent { public ITenantOwned Subject => Membership; }

public sealed record MembershipExpired(Membership Membership) : IDomainEvent { public ITenantOwned Subject => Membership; }
