namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// Programs, sessions, membership plans and class packages keep their ids. The sessions'
/// free-text instructor and location values become instructors and locations of the
/// organization, one per distinct (trimmed) value, and the sessions point at them. Rows whose organization
/// or class type is missing are quarantined (organization_not_found, class_type_not_found); a
/// plan's billing period that maps to no allowance period is quarantined (unknown_billing_period).
/// </summary>
internal static class CatalogPhase
{
    public static async Task RunAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        context.Progress.PhaseStarted("catalog");
        await context.ExecuteAsync("class types", ClassTypes, cancellationToken);
        await context.ExecuteAsync("sessions", Sessions, cancellationToken);
        await context.ExecuteAsync("membership plans", Plans, cancellationToken);
        await context.ExecuteAsync("pack products", Products, cancellationToken);
        context.Progress.PhaseDone();
    }

    private const string ClassTypes = """
        CREATE TEMP TABLE uc_class_type ON COMMIT DROP AS
        SELECT p.id, o.id AS org_id,
               CASE WHEN o.id IS NULL THEN 'organization_not_found' END AS reason,
               left(coalesce(pg_temp.uc_text(p.name), 'Class'), 120) AS name,
               CASE WHEN p.max_participants BETWEEN 1 AND 1000 THEN p.max_participants ELSE 12 END AS default_capacity,
               CASE WHEN p.duration_minutes > 0 THEN p.duration_minutes ELSE 60 END AS default_duration_minutes,
               coalesce(p.is_active, true) AS is_active
        FROM {legacy}.programs p LEFT JOIN uc_org o ON o.id = p.organization_id;
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'programs', p.id, t.reason, to_jsonb(p) FROM {legacy}.programs p JOIN uc_class_type t ON t.id = p.id WHERE t.reason IS NOT NULL;
        INSERT INTO class_types (id, organization_id, name, default_capacity, default_duration_minutes, is_active)
        SELECT id, org_id, name, default_capacity, default_duration_minutes, is_active FROM uc_class_type WHERE reason IS NULL;
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'programs', id, 'class_types', id, 'migrated' FROM uc_class_type WHERE reason IS NULL;
        """;

    // A session's capacity is max_capacity; the report lists those whose second column disagrees.
    private const string Sessions = """
        CREATE TEMP TABLE uc_session ON COMMIT DROP AS
        SELECT s.id, t.org_id, o.time_zone, s.start_time AS starts_at,
               CASE WHEN s.end_time > s.start_time THEN s.end_time
                    ELSE s.start_time + make_interval(mins => t.default_duration_minutes) END AS ends_at,
               CASE WHEN s.max_capacity BETWEEN 1 AND 1000 THEN s.max_capacity
                    WHEN s.capacity BETWEEN 1 AND 1000 THEN s.capacity
                    ELSE t.default_capacity END AS capacity,
               s.max_capacity AS legacy_max_capacity, s.capacity AS legacy_capacity, s.current_bookings,
               btrim(left(pg_temp.uc_text(s.instructor_name), 120)) AS instructor,
               btrim(left(pg_temp.uc_text(s.location), 120)) AS location,
               CASE WHEN pg_temp.uc_norm(s.session_status) = 'cancelled' THEN 'cancelled' ELSE 'scheduled' END AS status,
               CASE WHEN s.organization_id IS NOT NULL AND so.id IS NULL THEN 'organization_not_found'
                    WHEN t.id IS NULL OR t.org_id <> coalesce(s.organization_id, t.org_id) THEN 'class_type_not_found'
                    WHEN NOT (s.start_time >= TIMESTAMPTZ '1900-01-01 00:00:00+00' AND s.start_time < TIMESTAMPTZ '2201-01-01 00:00:00+00') THEN 'invalid_dates' END AS reason
        FROM {legacy}.class_sessions s
        LEFT JOIN uc_org so ON so.id = s.organization_id
        LEFT JOIN uc_class_type t ON t.id = s.program_id AND t.reason IS NULL
        LEFT JOIN uc_org o ON o.id = t.org_id;
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'class_sessions', s.id, u.reason, to_jsonb(s) FROM {legacy}.class_sessions s JOIN uc_session u ON u.id = s.id WHERE u.reason IS NOT NULL;
        DELETE FROM uc_session WHERE reason IS NOT NULL;
        ALTER TABLE uc_session ADD PRIMARY KEY (id);
        ANALYZE uc_session;
        INSERT INTO instructors (id, organization_id, name, is_active)
        SELECT gen_random_uuid(), org_id, instructor, true FROM (SELECT DISTINCT org_id, instructor FROM uc_session WHERE instructor IS NOT NULL) v;
        INSERT INTO locations (id, organization_id, name, is_active)
        SELECT gen_random_uuid(), org_id, location, true FROM (SELECT DISTINCT org_id, location FROM uc_session WHERE location IS NOT NULL) v;
        INSERT INTO class_sessions (id, organization_id, class_type_id, starts_at, ends_at, capacity, instructor_id, location_id, status, cancelled_at)
        SELECT s.id, s.org_id, l.program_id, s.starts_at, s.ends_at, s.capacity, i.id, loc.id, s.status, NULL
        FROM uc_session s JOIN {legacy}.class_sessions l ON l.id = s.id
        LEFT JOIN instructors i ON i.organization_id = s.org_id AND i.name = s.instructor
        LEFT JOIN locations loc ON loc.organization_id = s.org_id AND loc.name = s.location;
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'class_sessions', id, 'class_sessions', id, 'migrated' FROM uc_session;
        """;

    // billing: the legacy period that also bounds usage; allowance_period is 'unlimited' when
    // classes_per_period is NULL or 0, else that billing period (one-time: the membership's term).
    private const string Plans = """
        CREATE TEMP TABLE uc_plan ON COMMIT DROP AS
        SELECT x.*,
               CASE WHEN x.org_id IS NULL THEN 'organization_not_found'
                    WHEN x.billing IS NULL THEN 'unknown_billing_period' END AS reason,
               CASE WHEN x.classes IS NULL THEN 'unlimited' ELSE x.billing END AS allowance_period
        FROM (
            SELECT p.id, o.id AS org_id, left(coalesce(pg_temp.uc_text(p.name), 'Membership'), 120) AS name,
                   coalesce(p.is_active, true) AS is_active,
                   CASE coalesce(pg_temp.uc_norm(p.billing_period), 'monthly')
                        WHEN 'monthly' THEN 'month' WHEN 'yearly' THEN 'year' WHEN 'annual' THEN 'year'
                        WHEN 'one_time' THEN 'term' WHEN 'weekly' THEN 'week' END AS billing,
                   CASE WHEN p.classes_per_period > 0 THEN p.classes_per_period END AS classes
            FROM {legacy}.membership_plans p LEFT JOIN uc_org o ON o.id = p.organization_id
        ) x;
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'membership_plans', p.id, u.reason, to_jsonb(p) FROM {legacy}.membership_plans p JOIN uc_plan u ON u.id = p.id WHERE u.reason IS NOT NULL;
        DELETE FROM uc_plan WHERE reason IS NOT NULL;
        INSERT INTO membership_plans (id, organization_id, name, class_type_ids, is_trial, is_active, allowance_classes, allowance_period)
        SELECT id, org_id, name, '{}', false, is_active, classes, allowance_period FROM uc_plan;
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'membership_plans', id, 'membership_plans', id, 'migrated' FROM uc_plan;
        """;

    private const string Products = """
        CREATE TEMP TABLE uc_product ON COMMIT DROP AS
        SELECT k.id, o.id AS org_id, left(coalesce(pg_temp.uc_text(k.name), 'Class pack'), 120) AS name,
               k.classes_included AS credits,
               CASE WHEN k.validity_days >= 1 THEN k.validity_days ELSE 365 END AS validity_days,
               coalesce(k.is_active, true) AS is_active,
               CASE WHEN o.id IS NULL THEN 'organization_not_found'
                    WHEN NOT (k.classes_included >= 1) THEN 'invalid_credits' END AS reason
        FROM {legacy}.class_packages k LEFT JOIN uc_org o ON o.id = k.organization_id;
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'class_packages', k.id, u.reason, to_jsonb(k) FROM {legacy}.class_packages k JOIN uc_product u ON u.id = k.id WHERE u.reason IS NOT NULL;
        DELETE FROM uc_product WHERE reason IS NOT NULL;
        INSERT INTO pack_products (id, organization_id, name, credits, validity_days, class_type_ids, is_trial, is_active)
        SELECT id, org_id, name, credits, validity_days, '{}', false, is_active FROM uc_product;
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'class_packages', id, 'pack_products', id, 'migrated' FROM uc_product;
        """;
}
