namespace UnifiedCustomers.Domain.Scheduling;

public sealed record SessionScheduled(ClassSession Session) : IDomainEvent { public ITenantOwned Subject => Session; }

public sealed record SessionCancelled(ClassSession Session) : IDomainEvent { public ITenantOwned Subject => Session; }

/// <summary>The class's seats, instructor or location changed (its times: <see cref="SessionRescheduled"/>).</summary>
public sealed record SessionUpdated(ClassSession Session) : IDomainEvent { public ITenantOwned Subject => Session; }

/// <summary>The class moved; its bookings stay. Carries where it was and how many seats its bookings held.</summary>
public sealed record SessionRescheduled(ClassSession Session, DateTimeOffset PreviousStartsAt, DateTimeOffset PreviousEndsAt, int SeatsTaken) : IDomainEvent
{
    public ITenantOwned Subject => Session;
}
