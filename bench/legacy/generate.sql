-- A legacy data set of any size, for the consolidation's tests and benchmark.
--
--   psql -v ON_ERROR_STOP=1 -f docs/legacy/schema.sql -f bench/legacy/generate.sql \
--        -c "SELECT legacy_gen.generate(1)"          -- scale 1: 500k leads, 500k clients, 3M bookings, ...
--
-- legacy_gen.generate(scale, seed) fills the (empty) tables of the schema `legacy` with, at scale 1:
-- 10 organizations, 500k leads, 505k clients (about 30% the same person as a lead: linked by
-- clients.lead_id, by leads.client_id, by equal emails written differently, or by the same id),
-- 250 programs, 50k sessions, 3M bookings, 1M class_bookings, 40 plans, 200k memberships,
-- 20 class packages, 100k packs, 50k waitlist entries and 100k notes. Every anomaly of the legacy
-- README appears at 1-3%. Counts scale linearly (with small floors), so scale 0.001 makes a data
-- set of a few thousand rows for tests. The same scale and seed give the same rows.
--
-- Index j (1..n) names lead j and client j, both in organization j % orgs + 1 (so bookings,
-- memberships and packs pointing at either land in the right organization by construction);
-- for j % 10 < 3 the two rows are one person, otherwise two people.

CREATE SCHEMA IF NOT EXISTS legacy_gen;

CREATE OR REPLACE FUNCTION legacy_gen.id(kind int, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (lpad(to_hex(kind), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid
$$;

-- Person j's phone, written the way their organization's country writes it (variant 1: the same
-- number, international; variant 2: another number of theirs).
CREATE OR REPLACE FUNCTION legacy_gen.phone(j int, n_org int, variant int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE (j % n_org) % 10
        WHEN 0 THEN (ARRAY['07700 ', '+44 7700 ', '07800 '])[variant + 1] || lpad((j % 1000000)::text, 6, '0')
        WHEN 7 THEN (ARRAY['07700 ', '+44 7700 ', '07800 '])[variant + 1] || lpad((j % 1000000)::text, 6, '0')
        WHEN 1 THEN (ARRAY['(212) ', '+1 212 ', '(646) '])[variant + 1] || lpad((j % 10000000)::text, 7, '0')
        WHEN 5 THEN (ARRAY['(312) ', '+1 312 ', '(773) '])[variant + 1] || lpad((j % 10000000)::text, 7, '0')
        WHEN 8 THEN (ARRAY['(213) ', '+1 213 ', '(310) '])[variant + 1] || lpad((j % 10000000)::text, 7, '0')
        WHEN 2 THEN (ARRAY['0412 ', '+61 412 ', '0413 '])[variant + 1] || lpad((j % 1000000)::text, 6, '0')
        WHEN 3 THEN (ARRAY['087 ', '+353 87 ', '086 '])[variant + 1] || lpad((j % 10000000)::text, 7, '0')
        ELSE (ARRAY['+49 30 ', '+49 30 ', '+49 40 '])[variant + 1] || lpad((j % 10000000)::text, 7, '0') END
$$;

-- Client j's id: 1% of clients carry the id of their lead (the old unification copied ids).
CREATE OR REPLACE FUNCTION legacy_gen.client(j bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN j % 100 = 3 THEN legacy_gen.id(2, j) ELSE legacy_gen.id(3, j) END
$$;

CREATE OR REPLACE FUNCTION legacy_gen.generate(scale float8, seed float8 DEFAULT 0.42) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    n_org   int := greatest(2, round(10 * scale))::int;
    n       int := greatest(100, round(500000 * scale))::int;   -- leads, and clients
    n_sess  int := greatest(30, round(50000 * scale))::int;
    n_bk    int := greatest(300, round(3000000 * scale))::int;
    n_cb    int := greatest(100, round(1000000 * scale))::int;
    n_ms    int := greatest(20, round(200000 * scale))::int;
    n_pk    int := greatest(10, round(100000 * scale))::int;
    n_wl    int := greatest(10, round(50000 * scale))::int;
    n_note  int := greatest(10, round(100000 * scale))::int;
    cutover timestamptz := '2026-06-01T00:00:00Z';
BEGIN
    PERFORM setseed(seed);

    INSERT INTO legacy.organizations (id, name, slug, timezone, created_at)
    SELECT legacy_gen.id(1, o), 'Studio ' || o,
           CASE WHEN o % 10 = 3 THEN NULL                    -- no slug: derived from the name
                WHEN o % 10 = 5 THEN 'studio-' || (o - 1)    -- a slug another organization holds
                ELSE 'studio-' || o END,
           (ARRAY['Europe/London', 'America/New_York', 'Australia/Sydney', 'Europe/Dublin', 'Europe/Berlin',
                  'America/Chicago', NULL, 'Europe/London', 'America/Los_Angeles', 'Asia/Tokyo'])[(o - 1) % 10 + 1],
           '2020-01-01'::timestamptz + o * interval '30 days'
    FROM generate_series(1, n_org) o;

    -- Leads. i % 10: 0 linked from clients.lead_id, 1 linked by leads.client_id, 2 same email as client i.
    INSERT INTO legacy.leads (id, organization_id, name, first_name, last_name, email, phone, source, status, client_id, created_at, updated_at)
    SELECT legacy_gen.id(2, i),
           CASE WHEN i % 50 IN (0, 7) THEN NULL ELSE legacy_gen.id(1, i % n_org + 1) END,  -- 7: no link either -> quarantined
           'Lead' || i || ' Person' || i,
           CASE WHEN i % 100 < 2 THEN '' ELSE 'Lead' || i END,
           CASE WHEN i % 100 < 2 THEN NULL ELSE 'Person' || i END,
           CASE WHEN i % 100 = 20 THEN '' WHEN i % 100 = 21 THEN NULL WHEN i % 100 = 22 THEN E' \t'
                ELSE 'p' || i || '@example.com' END,
           CASE WHEN i % 4 = 0 THEN NULL ELSE legacy_gen.phone(i, n_org, 1) END,
           (ARRAY['website', 'facebook', 'instagram', 'referral', 'walk_in'])[i % 5 + 1],
           (ARRAY['new', 'contacted', 'Trial ', 'lost', 'converted', 'NEW', 'customer', 'trial', 'LOST', 'won'])[i % 10 + 1],
           CASE WHEN i % 10 = 1 THEN legacy_gen.client(i) END,
           CASE WHEN i % 97 = 0 THEN NULL ELSE cutover - (i % 900 + 30) * interval '1 day' - (i % 1440) * interval '1 minute' END,
           cutover - (i % 20) * interval '1 day'
    FROM generate_series(1, n) i;

    -- Clients: 1% carry the id of their lead.
    INSERT INTO legacy.clients (id, org_id, organization_id, user_id, lead_id, name, first_name, last_name, email, email_lower, phone, status, source, metadata, created_at, updated_at)
    SELECT legacy_gen.client(i),
           legacy_gen.id(1, i % n_org + 1),
           CASE WHEN i % 100 = 4 THEN legacy_gen.id(1, (i + 1) % n_org + 1)             -- org conflict
                WHEN i % 2 = 0 THEN legacy_gen.id(1, i % n_org + 1) END,
           NULL,
           CASE WHEN i % 10 = 0 THEN legacy_gen.id(2, i) END,
           CASE WHEN i % 200 = 13 THEN NULL ELSE 'Client' || i || ' Person' || i END,   -- 13: no name at all
           CASE WHEN i % 200 = 13 THEN NULL WHEN i % 100 = 14 THEN '' ELSE 'Client' || i END,
           CASE WHEN i % 200 = 13 THEN NULL WHEN i % 100 = 14 THEN '' ELSE 'Person' || i END,
           CASE WHEN i % 10 = 2 THEN ' P' || i || '@Example.COM '                        -- = lead i's email
                WHEN i % 100 = 6 AND i > n_org THEN 'c' || (i - n_org) || '@example.net'  -- = another client's, same org
                WHEN i % 100 = 15 AND i > 1 THEN 'c' || (i - 1) || '@example.net'         -- = another org's client: no merge
                WHEN i % 100 = 23 THEN ''
                ELSE 'c' || i || '@example.net' END,
           'stale' || i || '@example.net',
           CASE WHEN i % 100 = 11 AND i > n_org THEN legacy_gen.phone(i - n_org, n_org, 0)  -- lead i - orgs's: possible duplicate
                WHEN i % 3 = 0 THEN NULL
                WHEN i % 10 < 3 THEN legacy_gen.phone(i, n_org, 0)                           -- their lead's, written locally
                ELSE legacy_gen.phone(i, n_org, 2) END,
           CASE WHEN i % 100 = 5 THEN 'archived' ELSE (ARRAY['active', 'active', 'inactive', 'Active', 'archived', 'cancelled', 'active'])[i % 7 + 1] END,
           'import',
           CASE WHEN i % 100 = 5 AND i > n_org THEN jsonb_build_object('archived_as_duplicate_of', legacy_gen.client(i - n_org))
                ELSE '{}'::jsonb END,
           CASE WHEN i % 89 = 0 THEN NULL ELSE cutover - (i % 800 + 20) * interval '1 day' END,
           cutover - (i % 10) * interval '1 day'
    FROM generate_series(1, n) i;
    -- a second client row for 1% of people, never linked: merges with the first by email only
    INSERT INTO legacy.clients (id, org_id, organization_id, name, email, status, created_at)
    SELECT legacy_gen.id(3, n + i), legacy_gen.id(1, i % n_org + 1), NULL, 'Client' || i || ' Again',
           upper('c' || i || '@example.net'), 'inactive', cutover - interval '10 days'
    FROM generate_series(1, n) i WHERE i % 100 = 40;

    INSERT INTO legacy.programs (id, organization_id, name, duration_minutes, max_participants, program_type, is_active, created_at)
    SELECT legacy_gen.id(4, p), legacy_gen.id(1, p % n_org + 1), 'Class ' || p, 45 + (p % 3) * 15, 10 + p % 15,
           (ARRAY['ongoing', 'challenge', 'trial', 'taster'])[p % 4 + 1], p % 9 <> 0, '2020-06-01'
    FROM generate_series(1, 5 * n_org) p;

    -- Sessions of program s % programs + 1, in the organization of that program; instructor and
    -- location texts with stray spaces, blanks and NULLs, as typed into the old system.
    INSERT INTO legacy.class_sessions (id, organization_id, program_id, name, start_time, end_time, max_capacity, capacity, current_bookings, session_status, instructor_name, location, created_at)
    SELECT legacy_gen.id(5, s), legacy_gen.id(1, (s % (5 * n_org) + 1) % n_org + 1), legacy_gen.id(4, s % (5 * n_org) + 1),
           'Class', st, st + interval '1 hour', 20 + s % 10,
           CASE WHEN s % 50 = 0 THEN 15 WHEN s % 3 = 0 THEN 20 + s % 10 END,
           (s * 7) % 25,
           CASE WHEN s % 80 = 0 THEN 'cancelled' WHEN st < cutover THEN 'completed' ELSE 'scheduled' END,
           (ARRAY['Coach A', ' Coach A ', 'Coach B', NULL, ''])[s % 5 + 1], (ARRAY['Room', 'Room ', 'Hall', NULL, '  '])[s % 5 + 1],
           st - interval '30 days'
    FROM (SELECT s, cutover + ((s % 240) - 180) * interval '1 day' + (6 + s % 14) * interval '1 hour' AS st
          FROM generate_series(1, n_sess) s) x;

    INSERT INTO legacy.membership_plans (id, organization_id, name, price_pennies, billing_period, classes_per_period, is_active, trial_days, created_at)
    SELECT legacy_gen.id(8, o * 10 + t), legacy_gen.id(1, o),
           (ARRAY['Unlimited Monthly', '8 a Month', 'Unlimited Annual', 'Intro'])[t + 1], 5000,
           (ARRAY['monthly', 'monthly', 'yearly', 'one-time'])[t + 1],
           (ARRAY[NULL, 8, 0, 4])[t + 1], true, CASE WHEN t = 3 THEN 14 ELSE 0 END, '2020-06-01'
    FROM generate_series(1, n_org) o, generate_series(0, 3) t;

    INSERT INTO legacy.class_packages (id, organization_id, name, classes_included, validity_days, price_pennies, created_at)
    SELECT legacy_gen.id(10, o * 10 + t), legacy_gen.id(1, o), (ARRAY['5 Pass', '10 Pass'])[t + 1], 5 * (t + 1), 180, 6000, '2020-06-01'
    FROM generate_series(1, n_org) o, generate_series(0, 1) t;

    -- Membership m belongs to person m.
    INSERT INTO legacy.customer_memberships (id, organization_id, customer_id, client_id, membership_plan_id, status, start_date, end_date, classes_used_this_period, created_at, updated_at)
    SELECT legacy_gen.id(9, m), legacy_gen.id(1, m % n_org + 1),
           CASE WHEN m % 100 = 1 THEN legacy_gen.id(57005, m)                            -- orphan
                WHEN m % 10 >= 6 OR m % 100 = 2 THEN legacy_gen.id(2, CASE WHEN m % 100 = 2 THEN m + 1 ELSE m END) END,
           CASE WHEN m % 10 < 6 AND m % 100 <> 1 THEN legacy_gen.client(m) END,         -- 2: lead m+1 with client m: conflict unless linked
           legacy_gen.id(8, (m % n_org + 1) * 10 + m % 4),
           CASE WHEN m % 50 = 8 THEN 'bogus'
                ELSE (ARRAY['active', 'expired', 'cancelled', 'paused', 'trial', 'Active ', 'active', 'expired', 'active', 'active'])[m % 10 + 1] END,
           (cutover - (m % 400) * interval '1 day')::date,
           CASE WHEN m % 100 = 12 THEN (cutover - (m % 400 + 10) * interval '1 day')::date         -- ends before it starts
                WHEN m % 5 = 0 THEN NULL ELSE (cutover - (m % 400) * interval '1 day' + (30 + m % 365) * interval '1 day')::date END,
           m % 30, cutover - (m % 400) * interval '1 day', cutover
    FROM generate_series(1, n_ms) m;

    -- Pack k belongs to person n_ms + k.
    INSERT INTO legacy.customer_class_packages (id, organization_id, customer_id, client_id, package_id, status, classes_remaining, classes_used, purchase_date, expiry_date, created_at)
    SELECT legacy_gen.id(11, k), legacy_gen.id(1, j % n_org + 1),
           CASE WHEN k % 100 = 1 THEN legacy_gen.id(57005, k) WHEN j % 10 >= 6 THEN legacy_gen.id(2, j) END,
           CASE WHEN j % 10 < 6 AND k % 100 <> 1 THEN legacy_gen.client(j) END,
           legacy_gen.id(10, (j % n_org + 1) * 10 + k % 2),
           (ARRAY['active', 'active', 'expired', 'refunded', 'active', 'transferred'])[k % 6 + 1],
           CASE WHEN k % 50 = 0 THEN -2 ELSE k % 8 END, k % 5,
           cutover - (k % 300) * interval '1 day',
           CASE WHEN k % 7 = 0 THEN NULL ELSE cutover + ((k % 300) - 120) * interval '1 day' END,
           cutover - (k % 300) * interval '1 day'
    FROM (SELECT k, n_ms + k AS j FROM generate_series(1, n_pk) k) x;

    -- Bookings: a random session, then a person of that session's organization.
    CREATE TEMP TABLE gen_booking ON COMMIT DROP AS
    SELECT b, s, org, j FROM (
        SELECT b, s, org,
               (org - 1) + n_org * (1 + floor(random() * ((n - org) / n_org))::int) AS j
        FROM (SELECT b, s, (s % (5 * n_org) + 1) % n_org + 1 AS org
              FROM (SELECT b, 1 + floor(random() * n_sess)::int AS s FROM generate_series(1, n_bk + n_cb + n_wl) b) r) q
    ) x;

    INSERT INTO legacy.bookings (id, organization_id, customer_id, client_id, class_session_id, booking_status, status, payment_status, booking_type, booking_date, source, attendee_name, attendee_email, start_time, end_time, attended_at, cancelled_at, created_at, updated_at)
    SELECT legacy_gen.id(6, b), legacy_gen.id(1, org),
           CASE WHEN b % 100 = 1 THEN legacy_gen.id(57005, b)                               -- orphan customer
                WHEN b % 50 = 2 THEN legacy_gen.id(2, j + n_org)                           -- with client j: two people, a conflict
                WHEN b % 10 >= 5 THEN legacy_gen.id(2, j) END,
           CASE WHEN b % 100 <> 1 AND (b % 10 < 5 OR b % 50 = 2) THEN legacy_gen.client(j) END,
           CASE WHEN b % 100 IN (3, 4) THEN NULL WHEN b % 100 = 5 THEN legacy_gen.id(57005, b) ELSE legacy_gen.id(5, s) END,
           CASE WHEN b % 50 = 6 THEN NULL WHEN b % 100 = 7 THEN 'rescheduled'
                ELSE (ARRAY['confirmed', 'attended', 'Attended', 'cancelled', 'no_show', 'No-Show', 'booked', 'completed',
                            'confirmed', 'attended', 'waitlisted', 'pending', 'cancelled', 'confirmed', 'attended'])[b % 15 + 1] END,
           CASE WHEN b % 50 = 6 THEN (ARRAY['pending', 'waitlist', '', 'confirmed'])[b % 4 + 1] END,
           'paid', CASE WHEN b % 100 = 3 THEN 'Class' END,
           CASE WHEN b % 100 = 3 THEN (cutover - interval '90 days')::date END,
           'app',
           CASE WHEN b % 100 = 4 THEN 'Walk In' END, NULL,
           CASE WHEN b % 100 = 4 THEN cutover - interval '5 days' END, NULL,
           NULL, NULL,
           cutover - (b % 200) * interval '1 hour' - interval '40 days', cutover
    FROM gen_booking WHERE b <= n_bk;

    -- class_bookings: 10% repeat a booking's person and session (merged); payment by the person's membership or pack.
    INSERT INTO legacy.class_bookings (id, organization_id, class_session_id, customer_id, client_id, membership_id, package_id, booking_status, payment_status, payment_method, booking_type, amount, booking_date, booked_at, created_at, updated_at)
    SELECT legacy_gen.id(7, c), legacy_gen.id(1, g.org),
           CASE WHEN c % 100 = 3 THEN NULL WHEN c % 100 = 5 THEN legacy_gen.id(57005, c) ELSE legacy_gen.id(5, g.s) END,
           CASE WHEN c % 100 = 1 THEN legacy_gen.id(57005, c) WHEN c % 10 >= 5 THEN legacy_gen.id(2, g.j) END,
           CASE WHEN c % 10 < 5 AND c % 100 <> 1 THEN legacy_gen.client(g.j) END,
           CASE WHEN g.j <= n_ms AND c % 3 <> 0 THEN legacy_gen.id(9, g.j) END,
           CASE WHEN g.j > n_ms AND g.j <= n_ms + n_pk AND c % 3 <> 0 THEN legacy_gen.id(11, g.j - n_ms) END,
           CASE WHEN c % 100 = 8 THEN 'tentative'
                ELSE (ARRAY['confirmed', 'attended', 'cancelled', 'no_show', 'completed', 'pending', 'confirmed', 'attended', 'Confirmed', 'confirmed'])[c % 10 + 1] END,
           'paid', 'package', 'single', 0, NULL, NULL,
           cutover - (c % 300) * interval '1 hour' - interval '41 days', cutover
    FROM (SELECT c,
                 CASE WHEN c % 10 = 0 AND c <= n_bk THEN c ELSE n_bk + c END AS source_b
          FROM generate_series(1, n_cb) c) x
    JOIN gen_booking g ON g.b = x.source_b;

    INSERT INTO legacy.class_waitlists (id, organization_id, class_session_id, customer_id, position, status, added_at, notified_at)
    SELECT legacy_gen.id(12, w), legacy_gen.id(1, g.org), legacy_gen.id(5, g.s),
           CASE WHEN w % 100 = 1 THEN legacy_gen.id(57005, w) WHEN w % 5 = 0 THEN legacy_gen.client(g.j) ELSE legacy_gen.id(2, g.j) END,
           1 + w % 6,
           CASE WHEN w % 100 = 9 THEN 'parked' ELSE (ARRAY['waiting', 'waiting', 'promoted', 'expired', 'cancelled', 'Waiting'])[w % 6 + 1] END,
           cutover - (w % 100) * interval '1 hour', NULL
    FROM generate_series(1, n_wl) w
    JOIN gen_booking g ON g.b = n_bk + n_cb + w;

    INSERT INTO legacy.customer_notes (id, organization_id, customer_id, client_id, content, created_by, created_at)
    SELECT legacy_gen.id(13, k), legacy_gen.id(1, j % n_org + 1),
           CASE WHEN k % 100 = 1 THEN legacy_gen.id(57005, k) WHEN k % 100 = 2 THEN legacy_gen.id(2, j + n_org) WHEN j % 10 >= 6 THEN legacy_gen.id(2, j) END,
           CASE WHEN j % 10 < 6 AND k % 100 <> 1 THEN legacy_gen.client(j) END,
           CASE WHEN k % 100 = 50 THEN '  ' ELSE 'Note ' || k END, NULL, cutover - (k % 500) * interval '1 hour'
    FROM (SELECT k, 1 + (k * 7919) % (n - 1) AS j FROM generate_series(1, n_note) k) x;

    RETURN format('generated scale %s: %s organizations, %s leads, %s clients, %s sessions, %s bookings, %s class_bookings',
                  scale, n_org, n, n + n / 100, n_sess, n_bk, n_cb);
END $$;
