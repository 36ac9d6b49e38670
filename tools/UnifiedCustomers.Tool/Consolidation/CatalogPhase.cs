using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

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
    private static readonly string[] WriteClassTypes =
    [
        $$"""
        CREATE UNLOGGED TABLE {{ClassTypes}} AS
        SELECT p.id, o.id AS org_id,
               CASE WHEN o.id IS NULL THEN 'organization_not_found' END AS reason,
               pg_temp.uc_cut(coalesce(pg_temp.uc_line(p.name), 'Class'), {{ClassType.NameMaxLength}}) AS name,
               CASE WHEN p.max_participants BETWEEN 1 AND {{ClassSession.MaxCapacity}} THEN p.max_participants ELSE 12 END AS default_capacity,
               CASE WHEN p.duration_minutes BETWEEN {{ClassType.MinDurationMinutes}} AND {{ClassType.MaxDurationMinutes}} THEN p.duration_minutes
                    ELSE 60 END AS default_duration_minutes,
               coalesce(p.is_active, true) AS is_active
        FROM {legacy}.programs p LEFT JOIN {{Orgs}} o ON o.id = p.organization_id
        """,
        $$"""
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'programs', p.id, t.reason, to_jsonb(p) FROM {legacy}.programs p JOIN {{ClassTypes}} t ON t.id = p.id WHERE t.reason IS NOT NULL
        """,
        $$"""
        INSERT INTO class_types (id, organization_id, name, default_capacity, default_duration_minutes, is_active)
        SELECT id, org_id, name, default_capacity, default_duration_minutes, is_active FROM {{ClassTypes}} WHERE reason IS NULL
        """,
        $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'programs', id, 'class_types', id, 'migrated' FROM {{ClassTypes}} WHERE reason IS NULL
        """,
    ];

    // A session's capacity is max_capacity; the report lists those whose second column disagrees. A
    // session must start and end inside the instants the system accepts; its end is computed only
    // for a start inside them, so no arithmetic leaves PostgreSQL's range.
    private static readonly string[] WriteSessions =
    [
        $$"""
        CREATE UNLOGGED TABLE {{Sessions}} AS
        SELECT x.*, coalesce(x.found_reason, CASE WHEN x.ends_at >= {{SqlLiteral.Instant(DateBounds.EndInstant)}} THEN 'invalid_dates' END) AS reason
        FROM (
        SELECT s.id, t.org_id, o.time_zone, pg_temp.uc_instant(s.start_time) AS starts_at,
               CASE WHEN pg_temp.uc_instant(s.start_time) IS NULL THEN NULL
                    WHEN s.end_time > s.start_time AND s.end_time <= s.start_time + interval '{{(int)ClassSession.MaxDuration.TotalHours}} hours' THEN s.end_time
                    ELSE s.start_time + make_interval(mins => t.default_duration_minutes) END AS ends_at,
               CASE WHEN s.max_capacity BETWEEN 1 AND {{ClassSession.MaxCapacity}} THEN s.max_capacity
                    WHEN s.capacity BETWEEN 1 AND {{ClassSession.MaxCapacity}} THEN s.capacity
                    ELSE t.default_capacity END AS capacity,
               s.max_capacity AS legacy_max_capacity, s.capacity AS legacy_capacity, s.current_bookings,
               pg_temp.uc_cut(pg_temp.uc_line(s.instructor_name), {{Instructor.NameMaxLength}}) AS instructor,
               pg_temp.uc_cut(pg_temp.uc_line(s.location), {{Location.NameMaxLength}}) AS location,
               CASE WHEN pg_temp.uc_norm(s.session_status) = 'cancelled' THEN 'cancelled' ELSE 'scheduled' END AS status,
               CASE WHEN s.organization_id IS NOT NULL AND so.id IS NULL THEN 'organization_not_found'
                    WHEN t.id IS NULL OR t.org_id <> coalesce(s.organization_id, t.org_id) THEN 'class_type_not_found'
                    WHEN pg_temp.uc_instant(s.start_time) IS NULL THEN 'invalid_dates' END AS found_reason
        FROM {legacy}.class_sessions s
        LEFT JOIN {{Orgs}} so ON so.id = s.organization_id
        LEFT JOIN {{ClassTypes}} t ON t.id = s.program_id AND t.reason IS NULL
        LEFT JOIN {{Orgs}} o ON o.id = t.org_id
        ) x
        """,
        $$"""
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'class_sessions', s.id, u.reason, to_jsonb(s) FROM {legacy}.class_sessions s JOIN {{Sessions}} u ON u.id = s.id WHERE u.reason IS NOT NULL
        """,
        $"DELETE FROM {Sessions} WHERE reason IS NOT NULL",
        $"ALTER TABLE {Sessions} ADD PRIMARY KEY (id)",
        $"ANALYZE {Sessions}",
        $$"""
        INSERT INTO instructors (id, organization_id, name, is_active)
        SELECT gen_random_uuid(), org_id, instructor, true FROM (SELECT DISTINCT org_id, instructor FROM {{Sessions}} WHERE instructor IS NOT NULL) v
        """,
        $$"""
        INSERT INTO locations (id, organization_id, name, is_active)
        SELECT gen_random_uuid(), org_id, location, true FROM (SELECT DISTINCT org_id, location FROM {{Sessions}} WHERE location IS NOT NULL) v
        """,
        $$"""
        INSERT INTO class_sessions (id, organization_id, class_type_id, starts_at, ends_at, capacity, instructor_id, location_id, status, cancelled_at)
        SELECT s.id, s.org_id, l.program_id, s.starts_at, s.ends_at, s.capacity, i.id, loc.id, s.status, NULL
        FROM {{Sessions}} s JOIN {legacy}.class_sessions l ON l.id = s.id
        LEFT JOIN instructors i ON i.organization_id = s.org_id AND i.name = s.instructor
        LEFT JOIN locations loc ON loc.organization_id = s.org_id AND loc.name = s.location
        """,
        $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'class_sessions', id, 'class_sessions', id, 'migrated' FROM {{Sessions}}
        """,
    ];

    // billing: the legacy period that also bounds usage; allowance_period is 'unlimited' when
    // classes_per_period is NULL, 0 or below, else that billing period (one-time: the membership's term).
    // An unknown period quarantines a limited plan only: an unlimited one has no usage it bounds.
    private static readonly string[] WritePlans =
    [
        $$"""
        CREATE UNLOGGED TABLE {{Plans}} AS
        SELECT x.*,
               CASE WHEN x.org_id IS NULL THEN 'organization_not_found'
                    WHEN x.billing IS NULL AND x.classes IS NOT NULL THEN 'unknown_billing_period' END AS reason,
               CASE WHEN x.classes IS NULL THEN 'unlimited' ELSE x.billing END AS allowance_period
        FROM (
            SELECT p.id, o.id AS org_id, pg_temp.uc_cut(coalesce(pg_temp.uc_line(p.name), 'Membership'), {{MembershipPlan.NameMaxLength}}) AS name,
                   coalesce(p.is_active, true) AS is_active,
                   CASE coalesce(pg_temp.uc_norm(p.billing_period), 'monthly')
                        WHEN 'monthly' THEN 'month' WHEN 'yearly' THEN 'year' WHEN 'annual' THEN 'year'
                        WHEN 'one_time' THEN 'term' WHEN 'weekly' THEN 'week' END AS billing,
                   CASE WHEN p.classes_per_period > 0 THEN p.classes_per_period END AS classes
            FROM {legacy}.membership_plans p LEFT JOIN {{Orgs}} o ON o.id = p.organization_id
        ) x
        """,
        $$"""
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'membership_plans', p.id, u.reason, to_jsonb(p) FROM {legacy}.membership_plans p JOIN {{Plans}} u ON u.id = p.id WHERE u.reason IS NOT NULL
        """,
        $"DELETE FROM {Plans} WHERE reason IS NOT NULL",
        $$"""
        INSERT INTO membership_plans (id, organization_id, name, class_type_ids, is_trial, is_active, allowance_classes, allowance_period)
        SELECT id, org_id, name, '{}', false, is_active, classes, allowance_period FROM {{Plans}}
        """,
        $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'membership_plans', id, 'membership_plans', id, 'migrated' FROM {{Plans}}
        """,
    ];

    private static readonly string[] WriteProducts =
    [
        $$"""
        CREATE UNLOGGED TABLE {{Products}} AS
        SELECT k.id, o.id AS org_id, pg_temp.uc_cut(coalesce(pg_temp.uc_line(k.name), 'Class pack'), {{PackProduct.NameMaxLength}}) AS name,
               least(k.classes_included, {{PackProduct.MaxCredits}}) AS credits,
               CASE WHEN k.validity_days BETWEEN 1 AND {{PackProduct.MaxValidityDays}} THEN k.validity_days ELSE 365 END AS validity_days,
               coalesce(k.is_active, true) AS is_active,
               CASE WHEN o.id IS NULL THEN 'organization_not_found'
                    WHEN NOT (k.classes_included >= 1) THEN 'invalid_credits' END AS reason
        FROM {legacy}.class_packages k LEFT JOIN {{Orgs}} o ON o.id = k.organization_id
        """,
        $$"""
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'class_packages', k.id, u.reason, to_jsonb(k) FROM {legacy}.class_packages k JOIN {{Products}} u ON u.id = k.id WHERE u.reason IS NOT NULL
        """,
        $"DELETE FROM {Products} WHERE reason IS NOT NULL",
        $$"""
        INSERT INTO pack_products (id, organization_id, name, credits, validity_days, class_type_ids, is_trial, is_active)
        SELECT id, org_id, name, credits, validity_days, '{}', false, is_active FROM {{Products}}
        """,
        $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'class_packages', id, 'pack_products', id, 'migrated' FROM {{Products}}
        """,
    ];

    public static readonly Phase Definition = new("catalog", Reads: [Orgs], Writes: [ClassTypes, Sessions, Plans, Products],
    [
        new SqlStep("class types", WriteClassTypes),
        new SqlStep("sessions", WriteSessions),
        new SqlStep("membership plans", WritePlans),
        new SqlStep("pack products", WriteProducts),
    ]);
}
