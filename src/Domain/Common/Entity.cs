namespace UnifiedCustomers.Domain.Common;

public abstract class Entity
{
    private static long _raised;
    private List<RaisedEvent>? _domainEvents;

    public Guid Id { get; protected set; }

    /// <summary>What happened to this entity since it was loaded; the unit of work stores them with the change (the outbox).</summary>
    public IReadOnlyList<RaisedEvent> PendingEvents() => _domainEvents ?? (IReadOnlyList<RaisedEvent>)[];

    public void ClearPendingEvents() => _domainEvents?.Clear();

    /// <summary>Numbered as raised, process-wide, so the events of several entities of one command keep the order they happened in.</summary>
    protected void Raise(IDomainEvent domainEvent) => (_domainEvents ??= []).Add(new RaisedEvent(Interlocked.Increment(ref _raised), domainEvent));

    /// <summary>
    /// Raises an event unless one of its type is already pending: the payload shows the entity as it is saved, so
    /// several changes of one command (a PATCH of several fields) are one event, not one per field.
    /// </summary>
    protected void RaiseOnce(IDomainEvent domainEvent)
    {
        if (_domainEvents?.Exists(raised => raised.Event.GetType() == domainEvent.GetType()) != true) Raise(domainEvent);
    }
}

public readonly record struct RaisedEvent(long Sequence, IDomainEvent Event);

/// <summary>Every tenant row carries its organization; the database's foreign keys include it.</summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; }
}

/// <summary>
/// Something that happened to an aggregate, named in the past tense. It carries the aggregate itself:
/// the published payload shows the resource as the transaction commits it (see docs/events.md).
/// </summary>
public interface IDomainEvent
{
    ITenantOwned Subject { get; }
}
