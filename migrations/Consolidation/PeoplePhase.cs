namespace UnifiedCustomers.Migrations.Consolidation;

/// <summary>
/// Leads and clients become people (uc_person), joined into same-person groups by the legacy
/// README's four rules, inside one organization; each group becomes one customer (uc_customer) whose
/// id is its oldest client row's, else its oldest lead row's. The customers themselves are written
/// later, once purchases have decided their status.
/// </summary>
internal static class PeoplePhase
{
    public static async Task RunAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        context.Progress.PhaseStarted("people");
        await context.ExecuteAsync("quarantine", Quarantine, cancellationToken);
        await context.ExecuteAsync("read", ReadPeople, cancellationToken);
        await PhoneNormalization.RunAsync(context, cancellationToken);
        await context.ExecuteAsync("same-person links", Edges, cancellationToken);
        await IdentityResolution.RunAsync(context, cancellationToken);
        await context.ExecuteAsync("groups", Groups, cancellationToken);
        await context.ExecuteAsync("customer ids", CustomerIds, cancellationToken);
        context.Progress.PhaseDone();
    }

    private const string Quarantine = """
        -- A lead without an organization takes the one of the client it is linked to.
        CREATE TEMP TABLE uc_lead_org ON COMMIT DROP AS
        SELECT l.id, coalesce(o.id, lc.org_id, bl.org_id) AS org_id
        FROM {legacy}.leads l
        LEFT JOIN uc_org o ON o.id = l.organization_id
        LEFT JOIN (SELECT c.id, c.org_id FROM {legacy}.clients c JOIN uc_org o ON o.id = c.org_id) lc ON lc.id = l.client_id
        LEFT JOIN (SELECT DISTINCT ON (c.lead_id) c.lead_id, c.org_id
                   FROM {legacy}.clients c JOIN uc_org o ON o.id = c.org_id
                   WHERE c.lead_id IS NOT NULL
                   ORDER BY c.lead_id, c.created_at NULLS FIRST, c.id) bl ON bl.lead_id = l.id;
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'leads', l.id, 'lead_without_organization', to_jsonb(l)
        FROM {legacy}.leads l JOIN uc_lead_org lo ON lo.id = l.id WHERE lo.org_id IS NULL;
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'clients', c.id, 'organization_not_found', to_jsonb(c)
        FROM {legacy}.clients c WHERE NOT EXISTS (SELECT 1 FROM uc_org o WHERE o.id = c.org_id);
        """;

    private const string ReadPeople = """
        CREATE TEMP TABLE uc_person ON COMMIT DROP AS
        SELECT (row_number() OVER ())::int AS idx, p.src, p.is_client, p.id, p.org_id, p.link_id, p.dup_of,
               CASE WHEN p.first_name IS NOT NULL OR p.last_name IS NOT NULL THEN coalesce(p.first_name, '')
                    ELSE coalesce(substring(p.name FROM '^\S+'), '') END AS first_name,
               CASE WHEN p.first_name IS NOT NULL OR p.last_name IS NOT NULL THEN coalesce(p.last_name, '')
                    ELSE coalesce(pg_temp.uc_text(regexp_replace(p.name, '^\S+', '')), '') END AS last_name,
               p.email_key, p.phone, p.source, p.notes, p.status, p.created_at, p.updated_at
        FROM (
            SELECT 'clients'::text AS src, true AS is_client, c.id, c.org_id, c.lead_id AS link_id,
                   pg_temp.uc_uuid(c.metadata ->> 'archived_as_duplicate_of') AS dup_of,
                   pg_temp.uc_text(c.first_name) AS first_name, pg_temp.uc_text(c.last_name) AS last_name, pg_temp.uc_text(c.name) AS name,
                   pg_temp.uc_email(c.email) AS email_key, pg_temp.uc_text(c.phone) AS phone,
                   pg_temp.uc_text(c.source) AS source, pg_temp.uc_text(c.notes) AS notes, pg_temp.uc_norm(c.status) AS status,
                   c.created_at, c.updated_at
            FROM {legacy}.clients c JOIN uc_org o ON o.id = c.org_id
            UNION ALL
            SELECT 'leads', false, l.id, lo.org_id, l.client_id, NULL,
                   pg_temp.uc_text(l.first_name), pg_temp.uc_text(l.last_name), pg_temp.uc_text(l.name),
                   pg_temp.uc_email(l.email), pg_temp.uc_text(l.phone),
                   pg_temp.uc_text(l.source), pg_temp.uc_text(l.notes), pg_temp.uc_norm(l.status),
                   l.created_at, l.updated_at
            FROM {legacy}.leads l JOIN uc_lead_org lo ON lo.id = l.id AND lo.org_id IS NOT NULL
        ) p;
        ANALYZE uc_person;
        """;

    // Rules 1-4 of the legacy README, each an edge between two rows of one organization.
    private const string Edges = """
        CREATE TEMP TABLE uc_edge ON COMMIT DROP AS
        SELECT a, b FROM (
            SELECT l.idx AS a, c.idx AS b
            FROM uc_person l JOIN uc_person c ON c.id = l.id AND c.org_id = l.org_id AND c.is_client
            WHERE NOT l.is_client
            UNION ALL
            SELECT p.idx, q.idx
            FROM uc_person p JOIN uc_person q ON q.id = p.link_id AND q.org_id = p.org_id AND q.is_client <> p.is_client
            WHERE p.link_id IS NOT NULL
            UNION ALL
            SELECT p.idx, first_value(p.idx) OVER (PARTITION BY p.org_id, p.email_key ORDER BY p.idx)
            FROM uc_person p WHERE p.email_key IS NOT NULL
            UNION ALL
            SELECT p.idx, q.idx
            FROM uc_person p JOIN uc_person q ON q.id = p.dup_of AND q.org_id = p.org_id AND q.is_client
            WHERE p.is_client AND p.dup_of IS NOT NULL
        ) e WHERE a <> b;
        """;

    // Field values: a client's wins over a lead's, a newer row's over an older one's ("pref" order).
    private const string Groups = """
        CREATE TEMP TABLE uc_customer ON COMMIT DROP AS
        SELECT g.root, p.org_id,
               (array_agg(p.id ORDER BY p.is_client DESC, p.created_at ASC NULLS FIRST, p.id))[1] AS rep_id,
               (array_agg(p.src ORDER BY p.is_client DESC, p.created_at ASC NULLS FIRST, p.id))[1] AS rep_src,
               (array_agg(p.first_name || E'\x1f' || p.last_name ORDER BY p.is_client DESC, p.created_at DESC NULLS LAST, p.id DESC)
                    FILTER (WHERE p.first_name <> '' OR p.last_name <> ''))[1] AS name_pair,
               (array_agg(p.email_key ORDER BY p.is_client DESC, p.created_at DESC NULLS LAST, p.id DESC)
                    FILTER (WHERE p.email_key IS NOT NULL AND length(p.email_key) <= 254))[1] AS email,
               (array_agg(coalesce(ph.e164, p.phone) ORDER BY p.is_client DESC, p.created_at DESC NULLS LAST, p.id DESC)
                    FILTER (WHERE p.phone IS NOT NULL AND length(coalesce(ph.e164, p.phone)) <= 32))[1] AS phone,
               (array_agg(p.source ORDER BY p.is_client DESC, p.created_at DESC NULLS LAST, p.id DESC)
                    FILTER (WHERE p.source IS NOT NULL))[1] AS source,
               (array_agg(p.notes ORDER BY p.is_client DESC, p.created_at DESC NULLS LAST, p.id DESC)
                    FILTER (WHERE p.notes IS NOT NULL))[1] AS notes,
               min(p.created_at) AS created_at,
               max(p.updated_at) AS updated_at,
               bool_or(p.is_client) AS has_client,
               coalesce(bool_and(coalesce(p.status = 'archived', false)) FILTER (WHERE p.is_client), false) AS all_clients_archived,
               bool_or(NOT p.is_client AND coalesce(p.status = 'trial', false)) AS trial_lead,
               bool_or(NOT p.is_client AND coalesce(p.status = 'lost', false)) AS lost_lead
        FROM uc_person p
        JOIN uc_group g ON g.idx = p.idx
        LEFT JOIN uc_phone ph ON ph.org_id = p.org_id AND ph.raw = p.phone
        GROUP BY g.root, p.org_id;
        """;

    private const string CustomerIds = """
        ALTER TABLE uc_customer ADD COLUMN id uuid;
        UPDATE uc_customer SET id = rep_id;
        -- A lead-only group whose id a client group in another organization also holds (ids copied
        -- between tables) gets a fresh id; its legacy ids still map to it.
        UPDATE uc_customer c SET id = gen_random_uuid()
        WHERE NOT c.has_client AND EXISTS (SELECT 1 FROM uc_customer d WHERE d.rep_id = c.rep_id AND d.has_client);
        ALTER TABLE uc_customer ADD PRIMARY KEY (id);
        CREATE UNIQUE INDEX ON uc_customer (root);
        ANALYZE uc_customer;
        CREATE TEMP TABLE uc_lead_ref ON COMMIT DROP AS
        SELECT p.id, c.id AS customer_id, c.org_id FROM uc_person p JOIN uc_group g ON g.idx = p.idx JOIN uc_customer c ON c.root = g.root
        WHERE NOT p.is_client;
        ALTER TABLE uc_lead_ref ADD PRIMARY KEY (id);
        CREATE TEMP TABLE uc_client_ref ON COMMIT DROP AS
        SELECT p.id, c.id AS customer_id, c.org_id FROM uc_person p JOIN uc_group g ON g.idx = p.idx JOIN uc_customer c ON c.root = g.root
        WHERE p.is_client;
        ALTER TABLE uc_client_ref ADD PRIMARY KEY (id);
        ANALYZE uc_lead_ref;
        ANALYZE uc_client_ref;
        """;
}
