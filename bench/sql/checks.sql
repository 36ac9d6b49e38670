-- After every run: both numbers must be 0.
SELECT
  (SELECT count(*) FROM class_sessions s
    WHERE s.organization_id = 'b0000000-0000-4000-8000-00000000be01'
      AND (SELECT count(*) FROM bookings b WHERE b.session_id = s.id AND b.status IN ('confirmed', 'attended', 'no_show')) > s.capacity) AS overbooked_sessions,
  (SELECT count(*) FROM class_packs WHERE organization_id = 'b0000000-0000-4000-8000-00000000be01' AND credits_remaining < 0) AS negative_credit_balances,
  (SELECT count(*) FROM bookings WHERE organization_id = 'b0000000-0000-4000-8000-00000000be01') AS bookings;
