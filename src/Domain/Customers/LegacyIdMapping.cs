namespace UnifiedCustomers.Domain.Customers;

/// <summary>
/// Where a legacy row went in the consolidation (table legacy_id_map): migrated as itself or merged
/// into another row. Written once by the consolidation, read by the customer lookup.
/// </summary>
public sealed class LegacyIdMapping
{
    private LegacyIdMapping() { }

    public string SourceTable { get; private set; } = "";
    public Guid LegacyId { get; private set; }
    public string TargetTable { get; private set; } = "";
    public Guid TargetId { get; private set; }
    public string Outcome { get; private set; } = "";
}
