using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>
    /// The publisher locks the subscriptions it creates deliveries for (FOR KEY SHARE) before it
    /// inserts them. A subscription being deleted holds its row exclusively; the publisher waits for
    /// that, then skips the deleted row, where the delivery's foreign key check used to fail the whole
    /// pass (and, the other way round, the delete failed on a delivery committed meanwhile).
    /// </summary>
    public partial class PublishEventsSkipsDeletedSubscriptions : Migration
    {
        /// <summary>The sequencer of <see cref="EventPositionsPerOrganization"/>, its subscriptions locked.</summary>
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
                SELECT id, organization_id,
                       row_number() OVER (PARTITION BY organization_id ORDER BY transaction_id, ordinal) AS n,
                       count(*) OVER (PARTITION BY organization_id) AS total
                FROM unpublished
              ), counted AS (
                INSERT INTO event_position_counters AS c (organization_id, last_position)
                SELECT organization_id, count(*) FROM batch GROUP BY organization_id
                ON CONFLICT (organization_id) DO UPDATE SET last_position = c.last_position + excluded.last_position
                RETURNING c.organization_id, c.last_position
              ), numbered AS (
                UPDATE events e SET position = k.last_position - b.total + b.n
                FROM batch b JOIN counted k ON k.organization_id = b.organization_id
                WHERE e.id = b.id
                RETURNING e.id, e.organization_id, e.type, e.position
              ), subscribed AS (
                SELECT s.id, s.organization_id, s.event_types FROM webhook_subscriptions s
                WHERE s.enabled AND s.organization_id IN (SELECT organization_id FROM batch)
                FOR KEY SHARE
              ), delivered AS (
                INSERT INTO webhook_deliveries
                  (id, organization_id, subscription_id, event_id, event_type, event_position, status, attempts, next_attempt_at, created_at, retrying_since)
                SELECT gen_random_uuid(), n.organization_id, s.id, n.id, n.type, n.position, 'pending', 0, p_now, p_now, p_now
                FROM numbered n
                JOIN subscribed s ON s.organization_id = n.organization_id
                  AND (cardinality(s.event_types) = 0 OR n.type = ANY (s.event_types))
              )
              SELECT count(*) INTO v_count FROM numbered;
              RETURN v_count;
            END $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(PublishEvents);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(EventPositionsPerOrganization.PublishEvents);
    }
}
