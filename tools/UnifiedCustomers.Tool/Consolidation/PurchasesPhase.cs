using UnifiedCustomers.Domain.Common;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// Memberships and packs, resolved to their customers and written, with whether each counts as
/// current at the cutover: what a person bought decides their lifecycle status (the customers phase
/// reads it). The target's foreign keys are suspended for the load, so they may precede their customers.
/// </summary>
internal static class PurchasesPhase
{
    private static readonly CustomerResolution OfMembership = CustomerResolution.Of("m.client_id", "m.customer_id");
    private static readonly CustomerResolution OfPack = CustomerResolution.Of("k.client_id", "k.customer_id");

    // "running": not past its end date on the cutover day, in the organization's zone. A legacy
    // 'trial' is an active membership flagged as a trial; one past its end is a past membership.
    // Current (counts for member or trial): running and already started, as Membership.IsInForceOn says.
    private static readonly string ResolveMemberships = $$"""
        CREATE UNLOGGED TABLE {{Memberships}} AS
        SELECT y.*,
               CASE WHEN y.customer_reason IS NOT NULL THEN y.customer_reason
                    WHEN y.plan_id IS NULL THEN 'plan_not_found'
                    WHEN y.st IS NULL OR y.st NOT IN ('active', 'trial', 'paused', 'cancelled', 'expired') THEN 'unknown_status'
                    WHEN y.end_date < y.start_date
                         OR y.start_date NOT BETWEEN {{SqlLiteral.Date(DateBounds.Min)}} AND {{SqlLiteral.Date(DateBounds.Max)}} THEN 'invalid_dates' END AS reason,
               CASE WHEN y.st IN ('active', 'trial') THEN CASE WHEN y.running THEN 'active' ELSE 'expired' END
                    ELSE y.st END AS status,
               y.st = 'active' AND y.running AND y.start_date <= y.cutover_day AS current_paid,
               y.st = 'trial' AND y.running AND y.start_date <= y.cutover_day AS current_trial
        FROM (
            SELECT m.id, {{OfMembership.Customer}} AS customer_id, {{OfMembership.Organization}} AS org_id,
                   {{OfMembership.Reason}} AS customer_reason,
                   p.id AS plan_id, p.billing, p.classes, p.allowance_period,
                   pg_temp.uc_norm(m.status) AS st,
                   coalesce(m.start_date, (pg_temp.uc_instant(m.created_at) AT TIME ZONE o.time_zone)::date, o.cutover_day) AS start_date,
                   CASE WHEN m.end_date <= {{SqlLiteral.Date(DateBounds.Max)}} THEN m.end_date END AS end_date,
                   m.end_date IS NULL OR m.end_date >= o.cutover_day AS running,
                   coalesce(pg_temp.uc_instant(m.created_at), {cutover}) AS created_at,
                   CASE WHEN m.cancellation_date BETWEEN {{SqlLiteral.Date(DateBounds.Min)}} AND {{SqlLiteral.Date(DateBounds.Max)}}
                        THEN pg_temp.uc_instant(m.cancellation_date::timestamp AT TIME ZONE o.time_zone) END AS cancelled_at,
                   m.classes_used_this_period AS legacy_used, pg_temp.uc_instant(m.updated_at) AS updated_at, o.time_zone, o.cutover_day
            FROM {legacy}.customer_memberships m
            {{OfMembership.Joins}}
            LEFT JOIN {{Orgs}} o ON o.id = {{OfMembership.Organization}}
            LEFT JOIN {{Plans}} p ON p.id = m.membership_plan_id AND p.org_id = o.id
        ) y
        """;

    // Credits: total = remaining + used, remaining clamped to 0..total (clamps are reported).
    // Target packs are 'active' or 'refunded'; an expired or transferred pack keeps its credits
    // but expires at the latest at the cutover, so it can no longer pay. An expiry after the instants
    // the system accepts is none; one before them was long ago.
    private static readonly string ResolvePacks = $$"""
        CREATE UNLOGGED TABLE {{Packs}} AS
        SELECT y.*,
               CASE WHEN y.customer_reason IS NOT NULL THEN y.customer_reason
                    WHEN y.product_id IS NULL THEN 'package_not_found'
                    WHEN y.st IS NULL OR y.st NOT IN ('active', 'expired', 'refunded', 'transferred') THEN 'unknown_status' END AS reason,
               least(greatest(coalesce(y.legacy_remaining, 0), 0), y.total) AS remaining,
               y.st = 'active' AND least(greatest(coalesce(y.legacy_remaining, 0), 0), y.total) > 0
                   AND (y.expiry_date IS NULL OR y.expiry_date > {cutover}) AS current_paid,
               CASE WHEN y.st = 'refunded' THEN 'refunded' ELSE 'active' END AS status,
               CASE WHEN y.st IN ('expired', 'transferred') THEN least(coalesce(y.expiry_date, {cutover}), {cutover})
                    ELSE y.expiry_date END AS expires_at
        FROM (
            SELECT k.id, {{OfPack.Customer}} AS customer_id, {{OfPack.Organization}} AS org_id,
                   {{OfPack.Reason}} AS customer_reason,
                   pr.id AS product_id, pg_temp.uc_norm(k.status) AS st,
                   k.classes_remaining AS legacy_remaining, k.classes_used AS legacy_used,
                   least(greatest(coalesce(k.classes_remaining, 0)::bigint + coalesce(k.classes_used, 0), 0), {{int.MaxValue}})::int AS total,
                   coalesce(pg_temp.uc_instant(k.purchase_date), pg_temp.uc_instant(k.created_at), {cutover}) AS purchased_at,
                   CASE WHEN k.expiry_date < {{SqlLiteral.Instant(DateBounds.MinInstant)}} THEN {{SqlLiteral.Instant(DateBounds.MinInstant)}}
                        ELSE pg_temp.uc_instant(k.expiry_date) END AS expiry_date
            FROM {legacy}.customer_class_packages k
            {{OfPack.Joins}}
            LEFT JOIN {{Products}} pr ON pr.id = k.package_id AND pr.org_id = {{OfPack.Organization}}
        ) y
        """;

    // A paused membership gets an open pause (the domain resumes by closing it), from its last
    // legacy update, the only date the old system kept, and at the latest from the cutover day, so
    // that it is paused at the cutover as its status says.
    private static readonly string[] WriteMemberships =
    [
        $$"""
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'customer_memberships', m.id, u.reason, to_jsonb(m)
        FROM {legacy}.customer_memberships m JOIN {{Memberships}} u ON u.id = m.id WHERE u.reason IS NOT NULL
        """,
        $$"""
        INSERT INTO memberships (id, organization_id, customer_id, plan_id, class_type_ids, is_trial, start_date, end_date,
                                 status, created_at, cancelled_at, allowance_classes, allowance_period, pauses)
        SELECT id, org_id, customer_id, plan_id, '{}', st = 'trial', start_date, end_date,
               status, created_at, cancelled_at, classes, allowance_period,
               CASE WHEN status = 'paused' THEN jsonb_build_array(jsonb_build_object(
                   'From', least(greatest(start_date, least(coalesce((updated_at AT TIME ZONE time_zone)::date, start_date), cutover_day)), {{SqlLiteral.Date(DateBounds.Max)}}),
                   'Until', NULL)) END
        FROM {{Memberships}} WHERE reason IS NULL
        """,
        $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'customer_memberships', id, 'memberships', id, 'migrated' FROM {{Memberships}} WHERE reason IS NULL
        """,
    ];

    private static readonly string[] WritePacks =
    [
        $$"""
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'customer_class_packages', k.id, u.reason, to_jsonb(k)
        FROM {legacy}.customer_class_packages k JOIN {{Packs}} u ON u.id = k.id WHERE u.reason IS NOT NULL
        """,
        $$"""
        INSERT INTO class_packs (id, organization_id, customer_id, product_id, credits_total, credits_remaining,
                                 class_type_ids, is_trial, status, purchased_at, expires_at)
        SELECT id, org_id, customer_id, product_id, total, remaining, '{}', false, status, purchased_at, expires_at
        FROM {{Packs}} WHERE reason IS NULL
        """,
        $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT 'customer_class_packages', id, 'class_packs', id, 'migrated' FROM {{Packs}} WHERE reason IS NULL
        """,
    ];

    public static readonly Phase Definition = new("purchases", Reads: [Orgs, ClientRefs, LeadRefs, Plans, Products], Writes: [Memberships, Packs],
    [
        new SqlStep("memberships", ResolveMemberships, $"ALTER TABLE {Memberships} ADD PRIMARY KEY (id)", $"ANALYZE {Memberships}"),
        new SqlStep("packs", ResolvePacks, $"ALTER TABLE {Packs} ADD PRIMARY KEY (id)", $"ANALYZE {Packs}"),
        new SqlStep("write memberships", WriteMemberships),
        new SqlStep("write packs", WritePacks),
    ]);
}
