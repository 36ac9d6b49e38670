-- Bench data: one studio, customers each holding a large pack, sessions spread widely and 5 hot ones.
-- psql -v customers=N -v spread_sessions=N -v capacity=N -f setup.sql
-- The bench_* tables map small integers to ids, so pgbench and the load generator pick rows cheaply.
\set ON_ERROR_STOP on
BEGIN;
DROP TABLE IF EXISTS bench_customers, bench_spread, bench_hot;

INSERT INTO organizations (id, name, slug, time_zone, country, created_at,
    policy_booking_closes_minutes_before, policy_booking_opens_days_before, policy_drop_ins_for_leads_and_trials,
    policy_late_cancel_forfeits_credit, policy_late_cancel_hours, policy_promotion_cutoff_minutes, policy_waitlist_cap)
VALUES ('b0000000-0000-4000-8000-00000000be01', 'Bench Studio', 'bench-studio', 'Europe/London', 'GB', now(), 0, 14, true, true, 12, 60, 10)
ON CONFLICT (id) DO NOTHING;

INSERT INTO class_types (id, organization_id, name, default_capacity, default_duration_minutes, is_active)
VALUES ('b0000000-0000-4000-8000-00000000be02', 'b0000000-0000-4000-8000-00000000be01', 'Bench Class', 20, 60, true)
ON CONFLICT (id) DO NOTHING;

INSERT INTO instructors (id, organization_id, name, is_active)
VALUES ('b0000000-0000-4000-8000-00000000be04', 'b0000000-0000-4000-8000-00000000be01', 'Bench', true)
ON CONFLICT (id) DO NOTHING;

INSERT INTO locations (id, organization_id, name, is_active)
VALUES ('b0000000-0000-4000-8000-00000000be05', 'b0000000-0000-4000-8000-00000000be01', 'Floor', true)
ON CONFLICT (id) DO NOTHING;

INSERT INTO pack_products (id, organization_id, name, credits, validity_days, class_type_ids, is_trial, is_active)
VALUES ('b0000000-0000-4000-8000-00000000be03', 'b0000000-0000-4000-8000-00000000be01', 'Bench Pack', 1000, 365, '{}', false, true)
ON CONFLICT (id) DO NOTHING;

CREATE TABLE bench_customers (n int PRIMARY KEY, id uuid NOT NULL, pack_id uuid NOT NULL, organization_id uuid NOT NULL);
INSERT INTO bench_customers
SELECT n, gen_random_uuid(), gen_random_uuid(), 'b0000000-0000-4000-8000-00000000be01' FROM generate_series(1, :customers) n;

INSERT INTO customers (id, organization_id, first_name, last_name, email, phone, source, notes, lifecycle_status, merged_into_id, created_at, updated_at)
SELECT id, organization_id, 'Bench', 'Customer ' || n, 'bench' || n || '@example.com', NULL, 'bench', NULL, 'member', NULL, now(), now()
FROM bench_customers;

INSERT INTO class_packs (id, organization_id, customer_id, product_id, credits_total, credits_remaining, class_type_ids, is_trial, status, purchased_at, expires_at)
SELECT pack_id, organization_id, id, 'b0000000-0000-4000-8000-00000000be03', 1000, 1000, '{}', false, 'active', now(), now() + interval '365 days'
FROM bench_customers;

-- Sessions three days ahead, inside the default 14-day booking window.
CREATE TABLE bench_spread (n int PRIMARY KEY, id uuid NOT NULL);
INSERT INTO bench_spread SELECT n, gen_random_uuid() FROM generate_series(1, :spread_sessions) n;
CREATE TABLE bench_hot (n int PRIMARY KEY, id uuid NOT NULL);
INSERT INTO bench_hot SELECT n, gen_random_uuid() FROM generate_series(1, 5) n;

INSERT INTO class_sessions (id, organization_id, class_type_id, starts_at, ends_at, capacity, instructor_id, location_id, status, cancelled_at)
SELECT id, 'b0000000-0000-4000-8000-00000000be01', 'b0000000-0000-4000-8000-00000000be02',
       date_trunc('hour', now()) + interval '3 days' + n * interval '1 minute',
       date_trunc('hour', now()) + interval '3 days' + n * interval '1 minute' + interval '1 hour',
       :capacity, 'b0000000-0000-4000-8000-00000000be04', 'b0000000-0000-4000-8000-00000000be05', 'scheduled', NULL
FROM (SELECT n, id FROM bench_spread UNION ALL SELECT -n, id FROM bench_hot) s;
COMMIT;
ANALYZE;
