using static UnifiedCustomers.Tool.Consolidation.DomainRulesInSql;
using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// legacy bookings, class_bookings and class_waitlists become bookings. Each row gets a quarantine
/// reason (the README's order) or a customer and a session; per customer and session one booking
/// remains (the most advanced, then the earliest) and the others are merged into it. The survivor
/// keeps its own payment reference, else the first one among the rows merged into it, so a
/// consumption recorded on either legacy table is not lost. A reference counts only when it names a
/// migrated membership or pack of the booking's own customer: another customer's is not spent.
/// </summary>
internal static class BookingsPhase
{
    private static readonly CustomerResolution OfBooking = CustomerResolution.Of("x.client_id", "x.customer_id");

    private static readonly string Read = $$"""
        CREATE UNLOGGED TABLE {{Bookings}} AS
        SELECT (row_number() OVER ())::bigint AS bk, y.*,
               CASE WHEN y.session_id IS NULL THEN CASE WHEN y.appointment THEN 'appointment_booking' ELSE 'no_class_session' END
                    WHEN y.customer_reason IS NOT NULL THEN y.customer_reason
                    WHEN y.session_org IS NULL THEN 'orphan_session'
                    WHEN y.status IS NULL THEN 'unknown_status'
                    WHEN y.session_org <> y.org_id THEN 'organization_mismatch' END AS reason,
               CASE y.status WHEN 'attended' THEN 1 WHEN 'no_show' THEN 2 WHEN 'confirmed' THEN 3
                             WHEN 'waitlisted' THEN 4 ELSE 5 END AS advance
        FROM (
            SELECT x.src_order, x.src, x.id, x.session_id, x.position, x.created_at, x.booked_at, x.cancelled_at, x.attended_at,
                   x.appointment,
                   {{OfBooking.Customer}} AS customer_id, {{OfBooking.Organization}} AS org_id,
                   {{OfBooking.Reason}} AS customer_reason,
                   s.org_id AS session_org,
                   CASE WHEN x.src = 'class_waitlists' THEN
                            CASE x.legacy_status WHEN 'waiting' THEN 'waitlisted' WHEN 'promoted' THEN 'cancelled'
                                                 WHEN 'expired' THEN 'cancelled' WHEN 'cancelled' THEN 'cancelled' END
                        ELSE
                            CASE x.legacy_status WHEN 'confirmed' THEN 'confirmed' WHEN 'booked' THEN 'confirmed'
                                                 WHEN 'pending' THEN 'confirmed' WHEN 'cancelled' THEN 'cancelled'
                                                 WHEN 'attended' THEN 'attended' WHEN 'completed' THEN 'attended'
                                                 WHEN 'no_show' THEN 'no_show' WHEN 'waitlist' THEN 'waitlisted'
                                                 WHEN 'waitlisted' THEN 'waitlisted' END
                   END AS status,
                   pm.id AS pay_membership,
                   CASE WHEN pm.id IS NULL THEN pp.id END AS pay_pack
            FROM (
                SELECT 1 AS src_order, 'bookings'::text AS src, b.id, b.class_session_id AS session_id,
                       b.customer_id, b.client_id, NULL::uuid AS membership_id, NULL::uuid AS package_id,
                       pg_temp.uc_norm(coalesce(pg_temp.uc_text(b.booking_status), b.status)) AS legacy_status,
                       (pg_temp.uc_text(b.attendee_name) IS NOT NULL OR pg_temp.uc_text(b.attendee_email) IS NOT NULL
                        OR b.start_time IS NOT NULL) AS appointment,
                       NULL::int AS position, pg_temp.uc_instant(b.created_at) AS created_at, pg_temp.uc_instant(b.created_at) AS booked_at,
                       pg_temp.uc_instant(b.cancelled_at) AS cancelled_at, pg_temp.uc_instant(b.attended_at) AS attended_at
                FROM {legacy}.bookings b
                UNION ALL
                SELECT 2, 'class_bookings', c.id, c.class_session_id, c.customer_id, c.client_id, c.membership_id, c.package_id,
                       pg_temp.uc_norm(c.booking_status), false, NULL, pg_temp.uc_instant(c.created_at),
                       coalesce(pg_temp.uc_instant(c.booked_at), pg_temp.uc_instant(c.created_at)),
                       pg_temp.uc_instant(c.cancelled_at), pg_temp.uc_instant(c.attended_at)
                FROM {legacy}.class_bookings c
                UNION ALL
                SELECT 3, 'class_waitlists', w.id, w.class_session_id, w.customer_id, NULL, NULL, NULL,
                       pg_temp.uc_norm(w.status), false, w.position, pg_temp.uc_instant(w.added_at), pg_temp.uc_instant(w.added_at),
                       pg_temp.uc_instant(w.notified_at), NULL
                FROM {legacy}.class_waitlists w
            ) x
            {{OfBooking.Joins}}
            LEFT JOIN {{Sessions}} s ON s.id = x.session_id
            LEFT JOIN {{Memberships}} pm ON pm.id = x.membership_id AND pm.reason IS NULL AND pm.customer_id = {{OfBooking.Customer}}
            LEFT JOIN {{Packs}} pp ON pp.id = x.package_id AND pp.reason IS NULL AND pp.customer_id = {{OfBooking.Customer}}
        ) y
        """;

    // One pass over the work table for the few quarantined rows, then each legacy table once for their whole rows.
    private static readonly string Quarantine = $$"""
        WITH q AS MATERIALIZED (SELECT src, id, reason FROM {{Bookings}} WHERE reason IS NOT NULL)
        INSERT INTO consolidation_quarantine (source_table, legacy_id, reason, "row")
        SELECT 'bookings', b.id, q.reason, to_jsonb(b) FROM {legacy}.bookings b JOIN q ON q.src = 'bookings' AND q.id = b.id
        UNION ALL
        SELECT 'class_bookings', c.id, q.reason, to_jsonb(c) FROM {legacy}.class_bookings c JOIN q ON q.src = 'class_bookings' AND q.id = c.id
        UNION ALL
        SELECT 'class_waitlists', w.id, q.reason, to_jsonb(w) FROM {legacy}.class_waitlists w JOIN q ON q.src = 'class_waitlists' AND q.id = w.id
        """;

    // keeper: the most advanced row of the customer in the session, then the earliest. Only the
    // (few) groups with more than one row are sorted; every other row is its own keeper.
    private static readonly string[] Duplicates =
    [
        .. SqlPlanning.GroupedBySorting($$"""
        CREATE UNLOGGED TABLE {{DuplicateGroups}} AS
        SELECT customer_id, session_id FROM {{Bookings}} WHERE reason IS NULL
        GROUP BY customer_id, session_id HAVING count(*) > 1
        """),
        $"ANALYZE {DuplicateGroups}",
        $$"""
        CREATE UNLOGGED TABLE {{Keepers}} AS
        SELECT b.bk,
               first_value(b.bk) OVER by_advance AS keeper_bk,
               first_value(b.pay_membership) OVER by_payment AS pay_membership,
               first_value(b.pay_pack) OVER by_payment AS pay_pack
        FROM {{Bookings}} b
        JOIN {{DuplicateGroups}} d ON d.customer_id = b.customer_id AND d.session_id = b.session_id
        WHERE b.reason IS NULL
        WINDOW by_advance AS (PARTITION BY b.customer_id, b.session_id
                              ORDER BY b.advance, b.created_at NULLS FIRST, b.src_order, b.id),
               by_payment AS (PARTITION BY b.customer_id, b.session_id
                              ORDER BY (b.pay_membership IS NULL AND b.pay_pack IS NULL), b.advance,
                                       b.created_at NULLS FIRST, b.src_order, b.id)
        """,
        $"ALTER TABLE {Keepers} ADD PRIMARY KEY (bk)",
        $"ANALYZE {Keepers}",
    ];

    // Waitlisted survivors are renumbered 1..n per session, in legacy position then added order.
    // A survivor whose id an earlier legacy table also uses (ids copied between tables) gets a fresh one:
    // each legacy table's ids are unique, so only ids a later table holds can clash (one hash of those,
    // not a grouping of every row). A survivor is a row no keeper took in: written as an anti-join, which
    // the planner estimates (an OR over the outer join's NULLs it took for one row, and hashed millions).
    private static readonly string[] Survivors =
    [
        $$"""
        CREATE UNLOGGED TABLE {{IdClashes}} AS
        SELECT b.id, min(b.src_order) AS first_src FROM {{Bookings}} b
        WHERE b.reason IS NULL AND b.id IN (SELECT l.id FROM {{Bookings}} l WHERE l.src_order > 1 AND l.reason IS NULL)
        GROUP BY b.id HAVING count(*) > 1
        """,
        $"ANALYZE {IdClashes}",
        $$"""
        CREATE UNLOGGED TABLE {{WaitPositions}} AS
        SELECT b.bk, row_number() OVER (PARTITION BY b.session_id
                                        ORDER BY b.position NULLS LAST, b.created_at NULLS FIRST, b.src_order, b.id) AS position
        FROM {{Bookings}} b LEFT JOIN {{Keepers}} k ON k.bk = b.bk
        WHERE b.reason IS NULL AND b.status = 'waitlisted' AND (k.bk IS NULL OR k.keeper_bk = b.bk)
        """,
        $"ANALYZE {WaitPositions}",
        $$"""
        CREATE UNLOGGED TABLE {{Targets}} AS
        SELECT x.*,
               x.status IN ({{SeatHoldingStatuses}}) AND (x.pay_membership IS NOT NULL OR x.pay_pack IS NOT NULL) AS charged
        FROM (
            SELECT b.bk, b.src, b.id AS legacy_id,
                   CASE WHEN c.id IS NOT NULL AND b.src_order > c.first_src THEN gen_random_uuid() ELSE b.id END AS id,
                   b.org_id, b.customer_id, b.session_id, b.status,
                   CASE WHEN k.bk IS NULL THEN b.pay_membership ELSE k.pay_membership END AS pay_membership,
                   CASE WHEN k.bk IS NULL THEN b.pay_pack ELSE k.pay_pack END AS pay_pack,
                   w.position AS waitlist_position,
                   coalesce(b.booked_at, {cutover}) AS booked_at,
                   CASE WHEN b.status = 'cancelled' THEN b.cancelled_at END AS cancelled_at,
                   CASE WHEN b.status = 'attended' THEN b.attended_at END AS checked_in_at
            FROM {{Bookings}} b
            LEFT JOIN {{Keepers}} k ON k.bk = b.bk
            LEFT JOIN {{IdClashes}} c ON c.id = b.id
            LEFT JOIN {{WaitPositions}} w ON w.bk = b.bk
            WHERE b.reason IS NULL AND NOT EXISTS (SELECT 1 FROM {{Keepers}} m WHERE m.bk = b.bk AND m.keeper_bk <> m.bk)
        ) x
        """,
        $"ANALYZE {Targets}",
    ];

    private static readonly string Insert = $$"""
        INSERT INTO bookings (id, organization_id, customer_id, session_id, status, payment_method, membership_id, pack_id,
                              charged, waitlist_position, source, idempotency_key, booked_at, cancelled_at, checked_in_at, promoted_at)
        SELECT id, org_id, customer_id, session_id, status,
               CASE WHEN pay_membership IS NOT NULL THEN 'membership' WHEN pay_pack IS NOT NULL THEN 'pack' ELSE 'legacy_unknown' END,
               pay_membership, pay_pack, charged, waitlist_position, 'legacy', NULL, booked_at, cancelled_at, checked_in_at, NULL
        FROM {{Targets}}
        """;

    private static readonly string Ledger = $$"""
        INSERT INTO credit_ledger (id, organization_id, customer_id, booking_id, membership_id, pack_id, delta, reason, at)
        SELECT gen_random_uuid(), org_id, customer_id, id, pay_membership, pay_pack, -1, 'legacy_import', booked_at
        FROM {{Targets}} WHERE charged
        """;

    private static readonly string Seats = $$"""
        CREATE UNLOGGED TABLE {{SeatsHeld}} AS
        SELECT session_id, count(*)::int AS held FROM {{Targets}} WHERE status IN ({{SeatHoldingStatuses}}) GROUP BY session_id
        """;

    // Every survivor is its own legacy row, migrated; every other row of a duplicate group is merged into its keeper.
    private static readonly string[] IdMap =
    [
        $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT src, legacy_id, 'bookings', id, 'migrated' FROM {{Targets}}
        """,
        $$"""
        INSERT INTO legacy_id_map (source_table, legacy_id, target_table, target_id, outcome)
        SELECT b.src, b.id, 'bookings', t.id, 'merged'
        FROM {{Keepers}} k JOIN {{Bookings}} b ON b.bk = k.bk JOIN {{Targets}} t ON t.bk = k.keeper_bk
        WHERE k.keeper_bk <> k.bk
        """,
    ];

    public static readonly Phase Definition = new("bookings", Reads: [ClientRefs, LeadRefs, Sessions, Memberships, Packs],
        Writes: [Bookings, DuplicateGroups, Keepers, IdClashes, WaitPositions, Targets, SeatsHeld],
    [
        new SqlStep("read", Read, $"ANALYZE {Bookings}"),
        new SqlStep("quarantine", Quarantine),
        new SqlStep("duplicates", Duplicates),
        new SqlStep("survivors", Survivors),
        new SqlStep("insert", Insert),
        new SqlStep("credit ledger", Ledger),
        new SqlStep("id map", IdMap),
        new SqlStep("seats held", Seats),
    ]);
}
