using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>
    /// Feed positions are numbered per organization. From one sequence for all, a studio's cursor
    /// moved by every other studio's events too, so a studio could count a competitor's bookings
    /// between two of its own reads. Each organization keeps its last number in a counter row that
    /// only grows; existing organizations start after the last number the sequence gave (no cursor of
    /// theirs can be further on, even where retention has since pruned every event they had).
    /// </summary>
    public partial class EventPositionsPerOrganization : Migration
    {
        private const string SameOrganization = "organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid";

        /// <summary>
        /// The sequencer (ADR 0013), as before but for the numbering: one caller at a time, committed
        /// events only, each organization's numbers after its counter, which the same statement moves on.
        /// </summary>
        internal const string PublishEvents = """
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

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE event_position_counters (
                  organization_id uuid NOT NULL,
                  last_position bigint NOT NULL,
                  CONSTRAINT pk_event_position_counters PRIMARY KEY (organization_id),
                  CONSTRAINT fk_event_position_counters_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
                  CONSTRAINT ck_event_position_counters_last_position CHECK (last_position >= 0));
                ALTER TABLE event_position_counters ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON event_position_counters USING ({SameOrganization}) WITH CHECK ({SameOrganization});
                INSERT INTO event_position_counters (organization_id, last_position)
                SELECT o.id, s.last_value FROM organizations o CROSS JOIN event_positions s;
                """);
            migrationBuilder.Sql(PublishEvents);
            migrationBuilder.Sql("DROP SEQUENCE event_positions;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // One sequence again, after every organization's numbers.
            migrationBuilder.Sql("""
                CREATE SEQUENCE event_positions AS bigint MINVALUE 0 START 0;
                SELECT setval('event_positions', max(last_position)) FROM event_position_counters HAVING max(last_position) > 0;
                """);
            migrationBuilder.Sql(EventsAndWebhooks.PublishEvents.Replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", StringComparison.Ordinal));
            migrationBuilder.Sql("DROP TABLE event_position_counters;");
        }
    }
}
