using UnifiedCustomers.Domain.Customers;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// Writes one customer per same-person group with its lifecycle status at the cutover (the legacy
/// README's table, first match wins), its first status-history entry, the id map of every lead and
/// client row.
/// A person with no name on any row is stored as first name 'Unknown' (the schema needs a name).
/// </summary>
internal static class CustomersPhase
{
    public const string NamelessFirstName = "Unknown";

    // Quarantined memberships and packs count for nobody's status.
    private static readonly string[] DecideStatuses =
    [
        $$"""
        CREATE UNLOGGED TABLE {{Statuses}} AS
        SELECT c.id,
               CASE WHEN b.paid THEN 'member'
                    WHEN b.trial OR c.trial_lead THEN 'trial'
                    WHEN c.has_client AND c.all_clients_archived THEN 'archived'
                    WHEN b.customer_id IS NOT NULL THEN 'lapsed'
                    ELSE 'lead' END AS status
        FROM {{Customers}} c
        LEFT JOIN (
            SELECT customer_id, bool_or(current_paid) AS paid, bool_or(current_trial) AS trial
            FROM (SELECT customer_id, current_paid, current_trial FROM {{Memberships}} WHERE reason IS NULL
                  UNION ALL
                  SELECT customer_id, current_paid, false FROM {{Packs}} WHERE reason IS NULL) p
            GROUP BY customer_id
        ) b ON b.customer_id = c.id
        """,
        $"ALTER TABLE {Statuses} ADD PRIMARY KEY (id)",
        $"ANALYZE {Statuses}",
    ];

    private static readonly string WriteCustomers = $$"""
        INSERT INTO customers (id, organization_id, first_name, last_name, email, phone, source, notes,
                               lifecycle_status, merged_into_id, created_at, updated_at)
        SELECT c.id, c.org_id,
               CASE WHEN c.name_pair IS NULL THEN '{{NamelessFirstName}}' ELSE pg_temp.uc_cut(split_part(c.name_pair, E'\x1f', 1), {{PersonName.MaxLength}}) END,
               CASE WHEN c.name_pair IS NULL THEN '' ELSE pg_temp.uc_cut(split_part(c.name_pair, E'\x1f', 2), {{PersonName.MaxLength}}) END,
               c.email, c.phone, pg_temp.uc_cut(coalesce(c.source, 'legacy'), {{Customer.SourceMaxLength}}), pg_temp.uc_cut(c.notes, {{Customer.NotesMaxLength}}), s.status, NULL,
               coalesce(c.created_at, {cutover}), coalesce(c.updated_at, c.created_at, {cutover})
        FROM {{Customers}} c JOIN {{Statuses}} s ON s.id = c.id
        """;

    private static readonly string History = $$"""
        INSERT INTO customer_status_changes (id, customer_id, organization_id, "from", "to", cause, at)
        SELECT gen_random_uuid(), c.id, c.org_id, NULL, s.status, 'consolidated', {cutover}
        FROM {{Customers}} c JOIN {{Statuses}} s ON s.id = c.id
        """;

    private static readonly string IdMap = $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT p.src, p.id, 'customers', c.id, CASE WHEN p.seniority = 1 THEN 'migrated' ELSE 'merged' END
        FROM {{RankedPeople}} p JOIN {{Customers}} c ON c.root = p.root
        """;

    public static readonly Phase Definition = new("customers", Reads: [Customers, RankedPeople, Memberships, Packs], Writes: [Statuses],
    [
        new SqlStep("status", DecideStatuses),
        new SqlStep("customers", WriteCustomers),
        new SqlStep("status history", History),
        new SqlStep("id map", IdMap),
    ]);
}
