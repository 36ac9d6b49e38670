-- Between runs: every bench booking, ledger row and event goes, every pack is full again.
\set ON_ERROR_STOP on
BEGIN;
ALTER TABLE credit_ledger DISABLE TRIGGER credit_ledger_append_only;
DELETE FROM credit_ledger WHERE organization_id = 'b0000000-0000-4000-8000-00000000be01';
ALTER TABLE credit_ledger ENABLE TRIGGER credit_ledger_append_only;
DELETE FROM bookings WHERE organization_id = 'b0000000-0000-4000-8000-00000000be01';
-- The events of earlier runs and their deliveries (a run measures only its own).
DELETE FROM webhook_delivery_attempts WHERE organization_id = 'b0000000-0000-4000-8000-00000000be01';
DELETE FROM webhook_deliveries WHERE organization_id = 'b0000000-0000-4000-8000-00000000be01';
DELETE FROM events WHERE organization_id = 'b0000000-0000-4000-8000-00000000be01';
UPDATE class_packs SET credits_remaining = credits_total WHERE organization_id = 'b0000000-0000-4000-8000-00000000be01';
COMMIT;
VACUUM ANALYZE bookings;
VACUUM ANALYZE credit_ledger;
VACUUM ANALYZE class_packs;
