namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>Staff notes follow their resolved customer; a note with no text is quarantined (empty_note).</summary>
internal static class NotesPhase
{
    public static async Task RunAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        context.Progress.PhaseStarted("notes");
        await context.ExecuteAsync("notes", Notes, cancellationToken);
        context.Progress.PhaseDone();
    }

    private static readonly string Notes = $"""
        CREATE TEMP TABLE uc_note ON COMMIT DROP AS
        SELECT n.id, {CustomerResolution.Customer} AS customer_id, {CustomerResolution.Organization} AS org_id,
               coalesce({CustomerResolution.Reason}, CASE WHEN pg_temp.uc_text(n.content) IS NULL THEN 'empty_note' END) AS reason,
               left(pg_temp.uc_text(n.content), 4000) AS content, n.created_by, coalesce(n.created_at, {"{cutover}"}) AS created_at
        FROM {"{legacy}"}.customer_notes n
        {CustomerResolution.Joins("n.client_id", "n.customer_id")};
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'customer_notes', n.id, u.reason, to_jsonb(n)
        FROM {"{legacy}"}.customer_notes n JOIN uc_note u ON u.id = n.id WHERE u.reason IS NOT NULL;
        INSERT INTO customer_notes (id, organization_id, customer_id, content, created_by, created_at)
        SELECT id, org_id, customer_id, content, created_by, created_at FROM uc_note WHERE reason IS NULL;
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'customer_notes', id, 'customer_notes', id, 'migrated' FROM uc_note WHERE reason IS NULL;
        """;
}
