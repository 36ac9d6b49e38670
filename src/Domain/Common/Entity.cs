namespace UnifiedCustomers.Domain.Common;

public abstract class Entity
{
    public Guid Id { get; protected set; }
}

/// <summary>Every tenant row carries its organization; the database's foreign keys include it.</summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; }
}
