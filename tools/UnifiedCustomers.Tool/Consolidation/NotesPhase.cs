using UnifiedCustomers.Domain.Customers;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>Staff notes follow their resolved customer; a note with no text is quarantined (empty_note).</summary>
internal static class NotesPhase
{
    private static readonly CustomerResolution OfNote = CustomerResolution.Of("n.client_id", "n.customer_id");

    private static readonly string[] WriteNotes =
    [
        $$"""
        CREATE UNLOGGED TABLE {{Notes}} AS
        SELECT n.id, {{OfNote.Customer}} AS customer_id, {{OfNote.Organization}} AS org_id,
               coalesce({{OfNote.Reason}}, CASE WHEN pg_temp.uc_text(n.content) IS NULL THEN 'empty_note' END) AS reason,
               pg_temp.uc_cut(pg_temp.uc_text(n.content), {{CustomerNote.ContentMaxLength}}) AS content, n.created_by, coalesce(pg_temp.uc_instant(n.created_at), {cutover}) AS created_at
        FROM {legacy}.customer_notes n
        {{OfNote.Joins}}
        """,
        $$"""
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'customer_notes', n.id, u.reason, to_jsonb(n)
        FROM {legacy}.customer_notes n JOIN {{Notes}} u ON u.id = n.id WHERE u.reason IS NOT NULL
        """,
        $$"""
        INSERT INTO customer_notes (id, organization_id, customer_id, content, created_by, created_at)
        SELECT id, org_id, customer_id, content, created_by, created_at FROM {{Notes}} WHERE reason IS NULL
        """,
        $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'customer_notes', id, 'customer_notes', id, 'migrated' FROM {{Notes}} WHERE reason IS NULL
        """,
    ];

    public static readonly Phase Definition = new("notes", Reads: [ClientRefs, LeadRefs], Writes: [Notes],
    [
        new SqlStep("notes", WriteNotes),
    ]);
}
