using System.Globalization;
using UnifiedCustomers.Domain.Organizations;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// Organizations keep their ids. The country (for phone numbers) follows from the time zone as the
/// legacy README lists it, 'ZZ' (unknown) otherwise; an unknown time zone becomes UTC. A missing
/// slug is derived from the name; a slug already taken gets a suffix from the id.
/// </summary>
internal static class OrganizationsPhase
{
    // Inlinable SQL helpers, in pg_temp so the target schema gains nothing; PARALLEL SAFE, or no statement
    // that calls one could run in parallel (safety is judged before they are inlined).
    private static readonly string[] Helpers =
    [
        """
        CREATE FUNCTION pg_temp.uc_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT nullif(btrim(t, E' \t\r\n\f'), '') $$
        """,
        // status values compare trimmed, case-insensitively, with '-' and '_' equal
        """
        CREATE FUNCTION pg_temp.uc_norm(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT nullif(replace(lower(btrim(t, E' \t\r\n\f')), '-', '_'), '') $$
        """,
        // the same normalisation as EmailAddress.Normalize: all whitespace removed, lower case
        """
        CREATE FUNCTION pg_temp.uc_email(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT nullif(lower(regexp_replace(t, '\s', '', 'g')), '') $$
        """,
        """
        CREATE FUNCTION pg_temp.uc_uuid(t text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT CASE WHEN t ~* '^\s*[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\s*$' THEN btrim(t)::uuid END $$
        """,
    ];

    // A slug taken twice gets '-' and 8 hex digits of the id, so the base leaves room for them.
    private const int BaseSlugLength = Organization.SlugMaxLength - 9;

    private static readonly string Read = $$"""
        CREATE UNLOGGED TABLE {{Orgs}} AS
        WITH o AS (
            SELECT o.id, o.name, o.created_at,
                   CASE WHEN EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = btrim(o.timezone))
                        THEN btrim(o.timezone) ELSE 'UTC' END AS time_zone,
                   left(coalesce(pg_temp.uc_text(lower(o.slug)),
                                 nullif(btrim(regexp_replace(lower(o.name), '[^a-z0-9]+', '-', 'g'), '-'), ''),
                                 'organization'), {{BaseSlugLength}}) AS base_slug
            FROM {legacy}.organizations o)
        SELECT id, left(btrim(name), {{Organization.NameMaxLength}}) AS name, time_zone,
               CASE WHEN time_zone = 'Europe/London' THEN 'GB'
                    WHEN time_zone = 'Europe/Dublin' THEN 'IE'
                    WHEN time_zone LIKE 'America/%' THEN 'US'
                    WHEN time_zone LIKE 'Australia/%' THEN 'AU'
                    ELSE 'ZZ' END AS country,
               coalesce(created_at, {cutover}) AS created_at,
               ({cutover} AT TIME ZONE time_zone)::date AS cutover_day,
               CASE WHEN row_number() OVER (PARTITION BY base_slug ORDER BY created_at NULLS FIRST, id) > 1
                         OR EXISTS (SELECT 1 FROM organizations t WHERE t.slug = base_slug)
                    THEN base_slug || '-' || left(replace(id::text, '-', ''), 8)
                    ELSE base_slug END AS slug
        FROM o
        """;

    private static readonly string Insert = string.Create(CultureInfo.InvariantCulture, $$"""
        INSERT INTO organizations (id, name, slug, time_zone, country, created_at,
            policy_booking_opens_days_before, policy_booking_closes_minutes_before, policy_late_cancel_hours,
            policy_late_cancel_forfeits_credit, policy_waitlist_cap, policy_promotion_cutoff_minutes,
            policy_drop_ins_for_leads_and_trials)
        SELECT id, name, slug, time_zone, country, created_at,
            {{BookingPolicy.Default.BookingOpensDaysBefore}}, {{BookingPolicy.Default.BookingClosesMinutesBefore}}, {{BookingPolicy.Default.LateCancelHours}},
            {{BookingPolicy.Default.LateCancelForfeitsCredit}}, {{BookingPolicy.Default.WaitlistCap}}, {{BookingPolicy.Default.PromotionCutoffMinutes}},
            {{BookingPolicy.Default.DropInsForLeadsAndTrials}}
        FROM {{Orgs}}
        """);

    private static readonly string IdMap = $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'organizations', id, 'organizations', id, 'migrated' FROM {{Orgs}}
        """;

    public static readonly Phase Definition = new("organizations", Reads: [], Writes: [Orgs],
    [
        new SqlStep("helpers", Helpers),
        new SqlStep("read", Read),
        new SqlStep("insert", Insert, IdMap),
    ]);
}
