namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// Writes one customer per same-person group with its lifecycle status at the cutover (the legacy
/// README's table, first match wins), its first status-history entry, the id map of every lead and
/// client row, then the memberships and packs that now have a customer to point at.
/// A person with no name on any row is stored as first name 'Unknown' (the schema needs a name).
/// </summary>
internal static class CustomersPhase
{
    public const string NamelessFirstName = "Unknown";

    public static async Task RunAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        context.Progress.PhaseStarted("customers");
        await context.ExecuteAsync("status", Status, cancellationToken);
        await context.ExecuteAsync("customers", Customers, cancellationToken);
        await context.ExecuteAsync("status history", History, cancellationToken);
        await context.ExecuteAsync("id map", IdMap, cancellationToken);
        await PurchasesPhase.WriteAsync(context, cancellationToken);
        context.Progress.PhaseDone();
    }

    // Quarantined memberships and packs count for nobody's status.
    private const string Status = """
        CREATE TEMP TABLE uc_customer_status ON COMMIT DROP AS
        SELECT c.id,
               CASE WHEN b.paid THEN 'member'
                    WHEN b.trial OR c.trial_lead THEN 'trial'
                    WHEN c.has_client AND c.all_clients_archived THEN 'archived'
                    WHEN b.customer_id IS NOT NULL THEN 'lapsed'
                    ELSE 'lead' END AS status
        FROM uc_customer c
        LEFT JOIN (
            SELECT customer_id, bool_or(current_paid) AS paid, bool_or(current_trial) AS trial
            FROM (SELECT customer_id, current_paid, current_trial FROM uc_membership WHERE reason IS NULL
                  UNION ALL
                  SELECT customer_id, current_paid, false FROM uc_pack WHERE reason IS NULL) p
            GROUP BY customer_id
        ) b ON b.customer_id = c.id;
        ALTER TABLE uc_customer_status ADD PRIMARY KEY (id);
        """;

    private static readonly string Customers = $"""
        INSERT INTO customers (id, organization_id, first_name, last_name, email, phone, source, notes,
                               lifecycle_status, merged_into_id, created_at, updated_at)
        SELECT c.id, c.org_id,
               CASE WHEN c.name_pair IS NULL THEN '{NamelessFirstName}' ELSE left(split_part(c.name_pair, E'\x1f', 1), 100) END,
               CASE WHEN c.name_pair IS NULL THEN '' ELSE left(split_part(c.name_pair, E'\x1f', 2), 100) END,
               c.email, c.phone, left(coalesce(c.source, 'legacy'), 50), left(c.notes, 4000), s.status, NULL,
               coalesce(c.created_at, {"{cutover}"}), coalesce(c.updated_at, c.created_at, {"{cutover}"})
        FROM uc_customer c JOIN uc_customer_status s ON s.id = c.id
        ORDER BY c.id;
        """;

    private const string History = """
        INSERT INTO customer_status_changes (id, customer_id, organization_id, "from", "to", cause, at)
        SELECT * FROM (
            SELECT gen_random_uuid() AS id, c.id AS customer_id, c.org_id, NULL, s.status, 'consolidated', {cutover}
            FROM uc_customer c JOIN uc_customer_status s ON s.id = c.id) h
        ORDER BY h.id;
        """;

    private const string IdMap = """
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT p.src, p.id, 'customers', c.id, CASE WHEN p.seniority = 1 THEN 'migrated' ELSE 'merged' END
        FROM uc_ranked p JOIN uc_customer c ON c.root = p.root
        ORDER BY p.src, p.id;
        """;
}
