using System.Globalization;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Organizations;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// Organizations keep their ids. The country (for phone numbers) follows from the time zone as the
/// legacy README lists it, 'ZZ' (unknown) otherwise; an unknown time zone becomes UTC. The slug is
/// the legacy one made a valid public slug, else one derived from the name; a slug already taken
/// gets a suffix from the id.
/// </summary>
internal static class OrganizationsPhase
{
    // Whitespace as .NET's char.IsWhiteSpace counts it (what string.Trim and EmailAddress.Normalize remove,
    // the non-breaking spaces included), and control characters as CleanText counts them (char.IsControl;
    // NUL cannot be in a text value), as SQL literals for btrim and regular expressions' bracket classes
    // (PostgreSQL's translate, checking every character against the list, is ten times slower).
    private static readonly string Whitespace = Literal(Characters(char.IsWhiteSpace));
    private static readonly string ControlCharacters = Literal(Characters(c => c != '\0' && char.IsControl(c)));

    private static char[] Characters(Func<char, bool> which) => [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(which)];

    private static string Literal(char[] characters) => "U&'" + string.Concat(characters.Select(c => $"\\{(int)c:X4}")) + "'";

    // SQL helpers, in pg_temp so the target schema gains nothing; plain expressions the planner inlines (but
    // uc_fit, called only for a text too long); PARALLEL SAFE, or no statement that calls one could run in
    // parallel (safety is judged before they are inlined).
    internal static readonly string[] Helpers =
    [
        $$"""
        CREATE FUNCTION pg_temp.uc_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $f$ SELECT nullif(btrim(t, {{Whitespace}}), '') $f$
        """,
        // status values compare trimmed, case-insensitively, with '-' and '_' equal
        $$"""
        CREATE FUNCTION pg_temp.uc_norm(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $f$ SELECT nullif(replace(lower(btrim(t, {{Whitespace}})), '-', '_'), '') $f$
        """,
        // the same normalisation as EmailAddress.Normalize: all whitespace removed, lower case
        $$"""
        CREATE FUNCTION pg_temp.uc_email(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $f$ SELECT nullif(lower(regexp_replace(t, '[' || {{Whitespace}} || ']', '', 'g')), '') $f$
        """,
        """
        CREATE FUNCTION pg_temp.uc_uuid(t text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT CASE WHEN t ~* '^\s*[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\s*$' THEN regexp_replace(t, '\s', '', 'g')::uuid END $$
        """,
        // an instant the system accepts (DateBounds), else unknown: 'infinity' and year 9999 never reach the model
        $$"""
        CREATE FUNCTION pg_temp.uc_instant(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $f$ SELECT CASE WHEN t >= {{SqlLiteral.Instant(DateBounds.MinInstant)}} AND t < {{SqlLiteral.Instant(DateBounds.EndInstant)}} THEN t END $f$
        """,
        // one line of text (a name, a source, a phone): control characters (tabs, newlines, the fold's own
        // separator \x1f) become spaces, as the domain's single-line texts hold none
        $$"""
        CREATE FUNCTION pg_temp.uc_line(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $f$ SELECT nullif(btrim(regexp_replace(t, '[' || {{ControlCharacters}} || ']', ' ', 'g'), {{Whitespace}}), '') $f$
        """,
        // a text's length as the domain counts it: UTF-16 units, where a character beyond the Basic Multilingual
        // Plane (an emoji) is two
        """
        CREATE FUNCTION pg_temp.uc_units(t text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $f$ SELECT length(t) + length(regexp_replace(t, '[^\U00010000-\U0010FFFF]', '', 'g')) $f$
        """,
        // whether a text fits n units; a UTF-16 unit takes at least one byte of UTF-8, so n bytes always fit
        """
        CREATE FUNCTION pg_temp.uc_fits(t text, n int) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $f$ SELECT octet_length(t) <= n OR pg_temp.uc_units(t) <= n $f$
        """,
        // the longest start of a text that fits n units: each step drops at least the characters the excess
        // needs (half of it, were they all two-unit), so it never drops one that would have fitted
        """
        CREATE FUNCTION pg_temp.uc_fit(t text, n int) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $f$ WITH RECURSIVE fit(k, excess) AS (
                       SELECT n, pg_temp.uc_units(left(t, n)) - n
                       UNION ALL
                       SELECT k - (excess + 1) / 2, pg_temp.uc_units(left(t, k - (excess + 1) / 2)) - n FROM fit WHERE excess > 0)
                   SELECT left(t, min(k)) FROM fit $f$
        """,
        // a text cut to fit n units, without the white space the cut can leave; kept a plain expression, which the
        // planner inlines, for the millions of texts that fit
        $$"""
        CREATE FUNCTION pg_temp.uc_cut(t text, n int) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $f$ SELECT CASE WHEN pg_temp.uc_fits(t, n) THEN t ELSE rtrim(pg_temp.uc_fit(t, n), {{Whitespace}}) END $f$
        """,
        // a public slug (Organization.IsValidSlug): lower-case letters and digits, single hyphens between them
        """
        CREATE FUNCTION pg_temp.uc_slug(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT CASE WHEN length(s) >= 2 THEN s END
                  FROM (SELECT btrim(regexp_replace(lower(t), '[^a-z0-9]+', '-', 'g'), '-') AS s) x $$
        """,
    ];

    // A slug taken twice gets '-' and 8 hex digits of the id, or all 32 when those 8 are taken too,
    // so the base leaves room for them.
    private const int BaseSlugLength = Organization.SlugMaxLength - 33;

    // PostgreSQL reads zone names in any case, so the legacy one is matched so too: its exact spelling
    // first, else the first by name. Only IANA names count (a capital first, as Organization.IsKnownTimeZone
    // says): the zone files also hold localtime, posixrules and the posix/ and right/ copies. Ids that share their first 8 hex digits (patterned ids) would
    // share the short suffix, so all but one of them get the whole id. A legacy slug may spell out
    // what another's suffix makes; the last resort, 'organization-' and the id twice, is longer than
    // any base or short slug and differs from every other slug built from a base and one id.
    private static readonly string Read = $$"""
        CREATE UNLOGGED TABLE {{Orgs}} AS
        WITH o AS (
            SELECT o.id, o.name, pg_temp.uc_instant(o.created_at) AS created_at, coalesce(z.name, 'UTC') AS time_zone,
                   rtrim(left(coalesce(pg_temp.uc_slug(o.slug), pg_temp.uc_slug(o.name), 'organization'), {{BaseSlugLength}}), '-') AS base_slug
            FROM {legacy}.organizations o
            LEFT JOIN LATERAL (SELECT z.name FROM pg_timezone_names z
                               WHERE lower(z.name) = lower(pg_temp.uc_text(o.timezone)) AND z.name ~ '^[A-Z]'
                               ORDER BY z.name = pg_temp.uc_text(o.timezone) DESC, z.name LIMIT 1) z ON true),
        short AS (
            SELECT o.*,
                   CASE WHEN row_number() OVER (PARTITION BY base_slug ORDER BY created_at NULLS FIRST, id) > 1
                             OR EXISTS (SELECT 1 FROM organizations t WHERE t.slug = base_slug)
                        THEN base_slug || '-' || left(replace(id::text, '-', ''), 8)
                        ELSE base_slug END AS short_slug
            FROM o),
        whole AS (
            SELECT s.*,
                   CASE WHEN row_number() OVER (PARTITION BY short_slug ORDER BY short_slug = base_slug DESC, created_at NULLS FIRST, id) > 1
                             OR (short_slug <> base_slug AND EXISTS (SELECT 1 FROM organizations t WHERE t.slug = short_slug))
                        THEN base_slug || '-' || replace(id::text, '-', '')
                        ELSE short_slug END AS whole_slug
            FROM short s)
        SELECT id, pg_temp.uc_cut(coalesce(pg_temp.uc_line(name), 'Organization'), {{Organization.NameMaxLength}}) AS name, time_zone,
               CASE WHEN time_zone = 'Europe/London' THEN 'GB'
                    WHEN time_zone = 'Europe/Dublin' THEN 'IE'
                    WHEN time_zone LIKE 'America/%' THEN 'US'
                    WHEN time_zone LIKE 'Australia/%' THEN 'AU'
                    ELSE 'ZZ' END AS country,
               coalesce(created_at, {cutover}) AS created_at,
               ({cutover} AT TIME ZONE time_zone)::date AS cutover_day,
               CASE WHEN row_number() OVER (PARTITION BY whole_slug ORDER BY whole_slug = base_slug DESC, whole_slug = short_slug DESC,
                                                                   created_at NULLS FIRST, id) > 1
                         OR (whole_slug <> short_slug AND EXISTS (SELECT 1 FROM organizations t WHERE t.slug = whole_slug))
                    THEN 'organization-' || replace(id::text, '-', '') || '-' || replace(id::text, '-', '')
                    ELSE whole_slug END AS slug
        FROM whole
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
