using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>Events (the outbox and feed), webhook subscriptions, deliveries and their attempt log; bookings.updated_at; class_packs.expiry_recorded_at.</summary>
    public partial class EventsAndWebhooks : Migration
    {
        private static readonly string[] TenantTables = ["events", "webhook_subscriptions", "webhook_deliveries", "webhook_delivery_attempts"];

        private const string SameOrganization = "organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid";

        /// <summary>
        /// The sequencer. Positions are given only to committed events, by one caller at a time (the
        /// advisory lock lasts until this transaction commits), each pass after the last: so no event
        /// can ever appear behind a position a reader has seen. The same transaction creates the
        /// webhook deliveries of the events it numbered. SECURITY DEFINER: it works across organizations.
        /// </summary>
        internal const string PublishEvents = """
            CREATE FUNCTION publish_events(p_now timestamptz, p_limit int) RETURNS int
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
              v_last bigint;
              v_count int;
            BEGIN
              IF NOT pg_try_advisory_xact_lock(7577001) THEN
                RETURN -1;
              END IF;
              -- Never max(position): pruning would let numbers come back. setval is not undone by a
              -- rollback, which at worst skips numbers; positions only need to grow.
              SELECT last_value INTO v_last FROM event_positions;
              WITH batch AS (
                SELECT id, row_number() OVER (ORDER BY transaction_id, ordinal) AS n
                FROM (SELECT id, transaction_id, ordinal FROM events WHERE position IS NULL ORDER BY transaction_id, ordinal LIMIT p_limit) unpublished
              )
              UPDATE events e SET position = v_last + b.n FROM batch b WHERE e.id = b.id;
              GET DIAGNOSTICS v_count = ROW_COUNT;
              IF v_count > 0 THEN
                INSERT INTO webhook_deliveries
                  (id, organization_id, subscription_id, event_id, event_type, event_position, status, attempts, next_attempt_at, created_at, retrying_since)
                SELECT gen_random_uuid(), e.organization_id, s.id, e.id, e.type, e.position, 'pending', 0, p_now, p_now, p_now
                FROM events e
                JOIN webhook_subscriptions s ON s.organization_id = e.organization_id AND s.enabled
                  AND (cardinality(s.event_types) = 0 OR e.type = ANY (s.event_types))
                WHERE e.position > v_last AND e.position <= v_last + v_count;
                PERFORM setval('event_positions', v_last + v_count, true);
              END IF;
              RETURN v_count;
            END $$;
            """;

        /// <summary>
        /// A worker's claim: due deliveries of enabled subscriptions, skipping rows another worker is
        /// claiming, leased until p_lease_until (moved into next_attempt_at, so they are not due for
        /// anyone else until the lease runs out) under a fresh lease id.
        /// </summary>
        private const string ClaimWebhookDeliveries = """
            CREATE FUNCTION claim_webhook_deliveries(p_now timestamptz, p_lease_until timestamptz, p_limit int)
            RETURNS TABLE (delivery_id uuid, organization_id uuid, lease_id uuid, subscription_id uuid, url text, secret text, previous_secret text,
                           event_id uuid, event_type text, occurred_at timestamptz, data text, event_position bigint)
            LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
              WITH due AS (
                SELECT d.id
                FROM webhook_deliveries d
                JOIN webhook_subscriptions s ON s.organization_id = d.organization_id AND s.id = d.subscription_id AND s.enabled
                WHERE d.status = 'pending' AND d.next_attempt_at <= p_now
                ORDER BY d.next_attempt_at, d.event_position
                LIMIT p_limit
                FOR UPDATE OF d SKIP LOCKED
              ), leased AS (
                UPDATE webhook_deliveries d SET next_attempt_at = p_lease_until, lease_id = gen_random_uuid()
                FROM due WHERE d.id = due.id
                RETURNING d.id, d.organization_id, d.lease_id, d.subscription_id, d.event_id, d.event_position
              )
              SELECT l.id, l.organization_id, l.lease_id, l.subscription_id, s.url, s.secret,
                     CASE WHEN s.previous_secret_expires_at > p_now THEN s.previous_secret END,
                     e.id, e.type, e.occurred_at, e.data::text, l.event_position
              FROM leased l
              JOIN webhook_subscriptions s ON s.organization_id = l.organization_id AND s.id = l.subscription_id
              JOIN events e ON e.id = l.event_id
            $$;
            """;

        /// <summary>Retention: events that occurred before p_before leave, with their deliveries and attempt logs.</summary>
        private const string PruneEvents = """
            CREATE FUNCTION prune_events(p_before timestamptz) RETURNS TABLE (events bigint, deliveries bigint, attempts bigint)
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
              DELETE FROM events WHERE occurred_at < p_before AND position IS NOT NULL;
              GET DIAGNOSTICS v_events = ROW_COUNT;
              RETURN QUERY SELECT v_events, v_deliveries, v_attempts;
            END $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expiry_recorded_at",
                table: "class_packs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "bookings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    data = table.Column<string>(type: "json", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                    table.UniqueConstraint("ak_events_organization_id_id", x => new { x.organization_id, x.id });
                    table.ForeignKey(
                        name: "fk_events_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    event_types = table.Column<string[]>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    previous_secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    previous_secret_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failing_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disabled_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_subscriptions", x => x.id);
                    table.UniqueConstraint("ak_webhook_subscriptions_organization_id_id", x => new { x.organization_id, x.id });
                    table.ForeignKey(
                        name: "fk_webhook_subscriptions_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retrying_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    event_position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                    table.UniqueConstraint("ak_webhook_deliveries_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_webhook_deliveries_attempts", "attempts >= 0");
                    table.CheckConstraint("ck_webhook_deliveries_status", "status IN ('pending', 'succeeded', 'failed')");
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_events_organization_id_event_id",
                        columns: x => new { x.organization_id, x.event_id },
                        principalTable: "events",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_webhook_subscriptions_organization_id_su",
                        columns: x => new { x.organization_id, x.subscription_id },
                        principalTable: "webhook_subscriptions",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "webhook_delivery_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    response_status = table.Column<int>(type: "integer", nullable: true),
                    response_excerpt = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    error = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    duration_ms = table.Column<int>(type: "integer", nullable: false),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_delivery_attempts", x => x.id);
                    table.UniqueConstraint("ak_webhook_delivery_attempts_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_webhook_delivery_attempts_outcome", "outcome IN ('succeeded', 'http_error', 'timed_out', 'network_error', 'address_refused')");
                    table.ForeignKey(
                        name: "fk_webhook_delivery_attempts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_webhook_delivery_attempts_webhook_deliveries_organization_i",
                        columns: x => new { x.organization_id, x.delivery_id },
                        principalTable: "webhook_deliveries",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_updated_at",
                table: "bookings",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_events_occurred_at",
                table: "events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_events_organization_id_position",
                table: "events",
                columns: new[] { "organization_id", "position" },
                filter: "position IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_events_position",
                table: "events",
                column: "position",
                filter: "position IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_due",
                table: "webhook_deliveries",
                column: "next_attempt_at",
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_organization_id_event_id",
                table: "webhook_deliveries",
                columns: new[] { "organization_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_organization_id_subscription_id_event_id",
                table: "webhook_deliveries",
                columns: new[] { "organization_id", "subscription_id", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_subscription_id_created_at",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_delivery_id_number",
                table: "webhook_delivery_attempts",
                columns: new[] { "delivery_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_organization_id_delivery_id",
                table: "webhook_delivery_attempts",
                columns: new[] { "organization_id", "delivery_id" });
            // Everything EF does not model: row-level security, the columns and index only SQL reads,
            // the bookings' updated_at trigger, and the three cross-organization functions.
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY tenant_isolation ON {table} USING ({SameOrganization}) WITH CHECK ({SameOrganization});
                    GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO uc_app;
                    """);
            }
            // The writing transaction's id: the publisher keeps each transaction's events together, in raised order.
            migrationBuilder.Sql("""
                ALTER TABLE events ADD COLUMN transaction_id bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
                CREATE INDEX ix_events_unpublished ON events (transaction_id, ordinal) WHERE position IS NULL;
                CREATE SEQUENCE event_positions AS bigint MINVALUE 0 START 0;
                """);
            migrationBuilder.Sql("""
                UPDATE bookings SET updated_at = greatest(booked_at, coalesce(cancelled_at, booked_at), coalesce(checked_in_at, booked_at), coalesce(promoted_at, booked_at));
                CREATE FUNCTION bookings_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.updated_at := now();
                  RETURN NEW;
                END $$;
                CREATE TRIGGER tr_bookings_updated_at BEFORE UPDATE ON bookings FOR EACH ROW EXECUTE FUNCTION bookings_touch_updated_at();
                """);
            migrationBuilder.Sql(PublishEvents);
            migrationBuilder.Sql(ClaimWebhookDeliveries);
            migrationBuilder.Sql(PruneEvents);
            migrationBuilder.Sql("""
                REVOKE ALL ON FUNCTION publish_events(timestamptz, int), claim_webhook_deliveries(timestamptz, timestamptz, int), prune_events(timestamptz) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION publish_events(timestamptz, int), claim_webhook_deliveries(timestamptz, timestamptz, int), prune_events(timestamptz) TO uc_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION prune_events(timestamptz);
                DROP FUNCTION claim_webhook_deliveries(timestamptz, timestamptz, int);
                DROP FUNCTION publish_events(timestamptz, int);
                DROP SEQUENCE event_positions;
                DROP TRIGGER tr_bookings_updated_at ON bookings;
                DROP FUNCTION bookings_touch_updated_at();
                """);
            migrationBuilder.DropTable(
                name: "webhook_delivery_attempts");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions");

            migrationBuilder.DropIndex(
                name: "ix_bookings_updated_at",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "expiry_recorded_at",
                table: "class_packs");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "bookings");
        }
    }
}
