using UnifiedCustomers.Domain.Customers;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// Leads and clients become people (uc_person), joined into same-person groups by the legacy
/// README's four rules, inside one organization; each group becomes one customer (uc_customer) whose
/// id is its oldest client row's, else its oldest lead row's. The customers themselves are written
/// later, once purchases have decided their status.
/// </summary>
internal static class PeoplePhase
{
    // A lead without an organization takes the one of the client it is linked to.
    private static readonly string LeadOrganizations = $$"""
        CREATE UNLOGGED TABLE {{LeadOrgs}} AS
        SELECT l.id, coalesce(o.id, lc.org_id, bl.org_id) AS org_id
        FROM {legacy}.leads l
        LEFT JOIN {{Orgs}} o ON o.id = l.organization_id
        LEFT JOIN (SELECT c.id, c.org_id FROM {legacy}.clients c JOIN {{Orgs}} o ON o.id = c.org_id) lc ON lc.id = l.client_id
        LEFT JOIN (SELECT DISTINCT ON (c.lead_id) c.lead_id, c.org_id
                   FROM {legacy}.clients c JOIN {{Orgs}} o ON o.id = c.org_id
                   WHERE c.lead_id IS NOT NULL
                   ORDER BY c.lead_id, c.created_at NULLS FIRST, c.id) bl ON bl.lead_id = l.id
        """;

    private static readonly string[] Quarantine =
    [
        $$"""
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'leads', l.id, 'lead_without_organization', to_jsonb(l)
        FROM {legacy}.leads l JOIN {{LeadOrgs}} lo ON lo.id = l.id WHERE lo.org_id IS NULL
        """,
        $$"""
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'clients', c.id, 'organization_not_found', to_jsonb(c)
        FROM {legacy}.clients c WHERE NOT EXISTS (SELECT 1 FROM {{Orgs}} o WHERE o.id = c.org_id)
        """,
    ];

    private static readonly string ReadPeople = $$"""
        CREATE UNLOGGED TABLE {{People}} AS
        SELECT (row_number() OVER ())::int AS idx, p.src, p.is_client, p.id, p.org_id, p.link_id, p.dup_of,
               CASE WHEN p.first_name IS NOT NULL OR p.last_name IS NOT NULL THEN coalesce(p.first_name, '')
                    ELSE coalesce(substring(p.name FROM '^\S+'), '') END AS first_name,
               CASE WHEN p.first_name IS NOT NULL OR p.last_name IS NOT NULL THEN coalesce(p.last_name, '')
                    ELSE coalesce(pg_temp.uc_text(regexp_replace(p.name, '^\S+', '')), '') END AS last_name,
               p.email_key, p.phone, p.source, p.notes, p.status, p.created_at, p.updated_at
        FROM (
            SELECT 'clients'::text AS src, true AS is_client, c.id, c.org_id, c.lead_id AS link_id,
                   pg_temp.uc_uuid(c.metadata ->> 'archived_as_duplicate_of') AS dup_of,
                   pg_temp.uc_line(c.first_name) AS first_name, pg_temp.uc_line(c.last_name) AS last_name, pg_temp.uc_line(c.name) AS name,
                   pg_temp.uc_email(c.email) AS email_key, pg_temp.uc_line(c.phone) AS phone,
                   pg_temp.uc_line(c.source) AS source, pg_temp.uc_text(c.notes) AS notes, pg_temp.uc_norm(c.status) AS status,
                   pg_temp.uc_instant(c.created_at) AS created_at, pg_temp.uc_instant(c.updated_at) AS updated_at
            FROM {legacy}.clients c JOIN {{Orgs}} o ON o.id = c.org_id
            UNION ALL
            SELECT 'leads', false, l.id, lo.org_id, l.client_id, NULL,
                   pg_temp.uc_line(l.first_name), pg_temp.uc_line(l.last_name), pg_temp.uc_line(l.name),
                   pg_temp.uc_email(l.email), pg_temp.uc_line(l.phone),
                   pg_temp.uc_line(l.source), pg_temp.uc_text(l.notes), pg_temp.uc_norm(l.status),
                   pg_temp.uc_instant(l.created_at), pg_temp.uc_instant(l.updated_at)
            FROM {legacy}.leads l JOIN {{LeadOrgs}} lo ON lo.id = l.id AND lo.org_id IS NOT NULL
        ) p
        """;

    // Rules 1-4 of the legacy README, each an edge between two rows of one organization. Emails are
    // grouped bytewise (COLLATE "C": equal is equal either way, and the sort skips the locale's strcoll).
    private static readonly string SamePersonLinks = $$"""
        CREATE UNLOGGED TABLE {{Links}} AS
        SELECT a, b FROM (
            SELECT l.idx AS a, c.idx AS b
            FROM {{People}} l JOIN {{People}} c ON c.id = l.id AND c.org_id = l.org_id AND c.is_client
            WHERE NOT l.is_client
            UNION ALL
            SELECT p.idx, q.idx
            FROM {{People}} p JOIN {{People}} q ON q.id = p.link_id AND q.org_id = p.org_id AND q.is_client <> p.is_client
            WHERE p.link_id IS NOT NULL
            UNION ALL
            SELECT p.idx, first_value(p.idx) OVER (PARTITION BY p.org_id, p.email_key COLLATE "C" ORDER BY p.idx)
            FROM {{People}} p WHERE p.email_key IS NOT NULL
            UNION ALL
            SELECT p.idx, q.idx
            FROM {{People}} p JOIN {{People}} q ON q.id = p.dup_of AND q.org_id = p.org_id AND q.is_client
            WHERE p.is_client AND p.dup_of IS NOT NULL
        ) e WHERE a <> b
        """;

    // pref orders a group's rows for field values (a client's wins over a lead's, a newer row's over
    // an older one's); seniority for the id (oldest client, else oldest lead). Fields are then picked
    // by min() over "rank || value" in one grouping, instead of one sort per field and group.
    private static readonly string Ranked = $$"""
        CREATE UNLOGGED TABLE {{RankedPeople}} AS
        SELECT p.idx, g.root, p.org_id, p.id, p.src, p.is_client, p.first_name, p.last_name, p.email_key,
               coalesce(ph.e164, p.phone) AS phone, p.source, p.notes, p.status, p.created_at, p.updated_at,
               lpad(row_number() OVER (PARTITION BY g.root ORDER BY p.is_client DESC, p.created_at DESC NULLS LAST, p.id DESC)::text, 10, '0')
                   COLLATE "C" AS pref,
               row_number() OVER (PARTITION BY g.root ORDER BY p.is_client DESC, p.created_at ASC NULLS FIRST, p.id) AS seniority
        FROM {{People}} p
        JOIN {{Groups}} g ON g.idx = p.idx
        LEFT JOIN {{Phones}} ph ON ph.org_id = p.org_id AND ph.raw = p.phone
        """;

    private static readonly string Fields = $$"""
        CREATE UNLOGGED TABLE {{GroupFields}} AS
        SELECT root, org_id,
               (min(id::text) FILTER (WHERE seniority = 1))::uuid AS rep_id,
               substr(min(pref || first_name || E'\x1f' || last_name) FILTER (WHERE first_name <> '' OR last_name <> ''), 11) AS name_pair,
               substr(min(pref || email_key) FILTER (WHERE email_key IS NOT NULL AND pg_temp.uc_fits(email_key, {{EmailAddress.MaxLength}})), 11) AS email,
               substr(min(pref || phone) FILTER (WHERE phone IS NOT NULL AND pg_temp.uc_fits(phone, {{PhoneNumber.MaxLength}})), 11) AS phone,
               substr(min(pref || source) FILTER (WHERE source IS NOT NULL), 11) AS source,
               substr(min(pref || notes) FILTER (WHERE notes IS NOT NULL), 11) AS notes,
               min(created_at) AS created_at,
               max(updated_at) AS updated_at,
               bool_or(is_client) AS has_client,
               coalesce(bool_and(coalesce(status = 'archived', false)) FILTER (WHERE is_client), false) AS all_clients_archived,
               bool_or(NOT is_client AND coalesce(status = 'trial', false)) AS trial_lead,
               bool_or(NOT is_client AND coalesce(status = 'lost', false)) AS lost_lead
        FROM {{RankedPeople}}
        GROUP BY root, org_id
        """;

    // A lead-only group whose id a client group in another organization also holds (ids copied
    // between tables) gets a fresh id; its legacy ids still map to it.
    private static readonly string[] CustomerIds =
    [
        $$"""
        CREATE UNLOGGED TABLE {{Customers}} AS
        SELECT f.*,
               CASE WHEN NOT f.has_client AND EXISTS (SELECT 1 FROM {{GroupFields}} d WHERE d.rep_id = f.rep_id AND d.has_client)
                    THEN gen_random_uuid() ELSE f.rep_id END AS id
        FROM {{GroupFields}} f
        """,
        $"ALTER TABLE {Customers} ADD PRIMARY KEY (id)",
        $"CREATE UNIQUE INDEX ON {Customers} (root)",
        $"ANALYZE {Customers}",
        $$"""
        CREATE UNLOGGED TABLE {{LeadRefs}} AS
        SELECT p.id, c.id AS customer_id, c.org_id FROM {{RankedPeople}} p JOIN {{Customers}} c ON c.root = p.root
        WHERE NOT p.is_client
        """,
        $"ALTER TABLE {LeadRefs} ADD PRIMARY KEY (id)",
        $$"""
        CREATE UNLOGGED TABLE {{ClientRefs}} AS
        SELECT p.id, c.id AS customer_id, c.org_id FROM {{RankedPeople}} p JOIN {{Customers}} c ON c.root = p.root
        WHERE p.is_client
        """,
        $"ALTER TABLE {ClientRefs} ADD PRIMARY KEY (id)",
        $"ANALYZE {LeadRefs}",
        $"ANALYZE {ClientRefs}",
    ];

    public static readonly Phase Definition = new("people", Reads: [Orgs],
        Writes: [LeadOrgs, People, Phones, Links, Groups, RankedPeople, GroupFields, Customers, LeadRefs, ClientRefs],
    [
        new SqlStep("quarantine", [LeadOrganizations, $"ANALYZE {LeadOrgs}", .. Quarantine]),
        new SqlStep("read", ReadPeople, $"ANALYZE {People}"),
        PhoneNormalization.Step,
        new SqlStep("same-person links", SamePersonLinks),
        IdentityResolution.Step,
        new SqlStep("groups", [Ranked, $"ANALYZE {RankedPeople}", .. SqlPlanning.GroupedBySorting(Fields)]),
        new SqlStep("customer ids", CustomerIds),
    ]);
}
