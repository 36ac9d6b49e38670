namespace UnifiedCustomers.Application.Events;

/// <summary>
/// The outbox row: written by the unit of work in the command's own transaction, numbered by the
/// publisher after it commits (<see cref="Position"/>), read by the feed and the webhook deliveries.
/// </summary>
public sealed class StoredEvent : ITenantOwned
{
    public const int TypeMaxLength = 64;

    private StoredEvent() { }

    public StoredEvent(Guid id, Guid organizationId, string type, DateTimeOffset occurredAt, string data, int ordinal)
    {
        Id = id;
        OrganizationId = organizationId;
        Type = type;
        OccurredAt = occurredAt;
        Data = data;
        Ordinal = ordinal;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Type { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    /// <summary>The payload as JSON text (json: kept as written, field order included).</summary>
    public string Data { get; private set; } = "";
    /// <summary>The order of the event within its transaction.</summary>
    public int Ordinal { get; private set; }
    /// <summary>The place in the feed; null until the publisher numbers it (after the transaction committed).</summary>
    public long? Position { get; private set; }
}
