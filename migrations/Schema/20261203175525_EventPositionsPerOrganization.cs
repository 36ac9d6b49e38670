using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>
    /// Feed positions are numbered per organization. From one sequence for all, a studio's cursor
    /// moved by every other studio's events too, so a studio could count a competitor's bookings
    /// between two of its own reads. Each organization's numbers continue from its own last one
    /// (existing cursors stay valid), and retention keeps each organization's last numbered event,
    /// so no number can come back.
    /// </summary>
    public partial class EventPositionsPerOrganization : Migration
    {
        /// <summary>
        /// The sequencer (ADR 0013), as before but for the numbering: one caller at a time, committed
        /// events only, and each pass's numbers larger than any its organization had before.
        /// </summary>
        private const string PublishEvents = """
            CREATE OR REPLACE FUNCTION publish_events(p_now timestamptz, p_limit int) RETURNS int
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
              v_count int;
            BEGIN
              IF NOT pg_try_advisory_xact_lock(7577001) THEN
                RETURN -1;
              END IF;
              WITH unpublished AS (
                SELECT id, organization_id, transaction_id, ordinal FROM events WHERE position IS NULL ORDER BY transaction_id, ordinal LIMIT p_limit
              ), batch AS (
                SELECT u.id,
                       coalesce((SELECT max(e.position) FROM events e WHERE e.organization_id = u.organization_id AND e.position IS NOT NULL), 0)
                         + row_number() OVER (PARTITION BY u.organization_id ORDER BY u.transaction_id, u.ordinal) AS position
                FROM unpublished u
              ), numbered AS (
                UPDATE events e SET position = b.position FROM batch b WHERE e.id = b.id
                RETURNING e.id, e.organization_id, e.type, e.position
              ), delivered AS (
                INSERT INTO webhook_deliveries
                  (id, organization_id, subscription_id, event_id, event_type, event_position, status, attempts, next_attempt_at, created_at, retrying_since)
                SELECT gen_random_uuid(), n.organization_id, s.id, n.id, n.type, n.position, 'pending', 0, p_now, p_now, p_now
                FROM numbered n
                JOIN webhook_subscriptions s ON s.organization_id = n.organization_id AND s.enabled
                  AND (cardinality(s.event_types) = 0 OR n.type = ANY (s.event_types))
              )
              SELECT count(*) INTO v_count FROM numbered;
              RETURN v_count;
            END $$;
            """;

        /// <summary>Retention as before, but an organization's last numbered event stays: the next number follows it.</summary>
        private const string PruneEvents = """
            CREATE OR REPLACE FUNCTION prune_events(p_before timestamptz) RETURNS TABLE (events bigint, deliveries bigint, attempts bigint)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
              v_events bigint;
              v_deliveries bigint;
              v_attempts bigint;
            BEGIN
              DELETE FROM webhook_delivery_attempts a USING webhook_deliveries d, events e
              WHERE a.organization_id = d.organization_id AND a.delivery_id = d.id AND d.event_id = e.id AND e.occurred_at < p_before;
              GET DIAGNOSTICS v_attempts = ROW_COUNT;
              DELETE FROM webhook_deliveries d USING events e WHERE d.event_id = e.id AND e.occurred_at < p_before;
              GET DIAGNOSTICS v_deliveries = ROW_COUNT;
              -- Unnumbered events are never pruned: the publisher has yet to see them.
              DELETE FROM events old WHERE old.occurred_at < p_before AND old.position IS NOT NULL
                AND old.position < (SELECT max(e.position) FROM events e WHERE e.organization_id = old.organization_id AND e.position IS NOT NULL);
              GET DIAGNOSTICS v_events = ROW_COUNT;
              RETURN QUERY SELECT v_events, v_deliveries, v_attempts;
            END $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PublishEvents);
            migrationBuilder.Sql(PruneEvents);
            migrationBuilder.Sql("DROP SEQUENCE event_positions;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // One sequence again, above every organization's numbers.
            migrationBuilder.Sql("""
                CREATE SEQUENCE event_positions AS bigint MINVALUE 0 START 0;
                SELECT setval('event_positions', max(position)) FROM events HAVING max(position) > 0;
                """);
            migrationBuilder.Sql(EventsAndWebhooks.PublishEvents.Replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", StringComparison.Ordinal));
            migrationBuilder.Sql(EventsAndWebhooks.PruneEvents.Replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", StringComparison.Ordinal));
        }
    }
}
