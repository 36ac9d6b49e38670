using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <inheritdoc />
    public partial class TenantIndexesLeadWithTheOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_webhook_delivery_attempts_delivery_id_number",
                table: "webhook_delivery_attempts");

            migrationBuilder.DropIndex(
                name: "ix_webhook_delivery_attempts_organization_id_delivery_id",
                table: "webhook_delivery_attempts");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_subscription_id_created_at",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_memberships_customer_id_status",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "ix_memberships_organization_id_customer_id",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "ix_customer_status_changes_customer_id_at",
                table: "customer_status_changes");

            migrationBuilder.DropIndex(
                name: "ix_customer_status_changes_organization_id_customer_id",
                table: "customer_status_changes");

            migrationBuilder.DropIndex(
                name: "ix_customer_notes_customer_id_created_at",
                table: "customer_notes");

            migrationBuilder.DropIndex(
                name: "ix_customer_notes_organization_id_customer_id",
                table: "customer_notes");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_booking_id",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_customer_id_at",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_organization_id_customer_id",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_class_sessions_class_type_id_starts_at",
                table: "class_sessions");

            migrationBuilder.DropIndex(
                name: "ix_class_sessions_organization_id_class_type_id",
                table: "class_sessions");

            migrationBuilder.DropIndex(
                name: "ix_class_packs_customer_id_status",
                table: "class_packs");

            migrationBuilder.DropIndex(
                name: "ix_class_packs_organization_id_customer_id",
                table: "class_packs");

            migrationBuilder.DropIndex(
                name: "ix_bookings_customer_id_booked_at",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_membership_id_charged",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_customer_id",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_membership_id",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_session_id",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_session_id_status",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_organization_id_delivery_id_number",
                table: "webhook_delivery_attempts",
                columns: new[] { "organization_id", "delivery_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_organization_id_subscription_id_created_",
                table: "webhook_deliveries",
                columns: new[] { "organization_id", "subscription_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_memberships_organization_id_customer_id_status",
                table: "memberships",
                columns: new[] { "organization_id", "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_status_changes_organization_id_customer_id_at",
                table: "customer_status_changes",
                columns: new[] { "organization_id", "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_notes_organization_id_customer_id_created_at",
                table: "customer_notes",
                columns: new[] { "organization_id", "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_customer_id_at",
                table: "credit_ledger",
                columns: new[] { "organization_id", "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_class_type_id_starts_at",
                table: "class_sessions",
                columns: new[] { "organization_id", "class_type_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_class_packs_organization_id_customer_id_status",
                table: "class_packs",
                columns: new[] { "organization_id", "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_customer_id_booked_at",
                table: "bookings",
                columns: new[] { "organization_id", "customer_id", "booked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_membership_id_charged",
                table: "bookings",
                columns: new[] { "organization_id", "membership_id", "charged" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_session_id_status",
                table: "bookings",
                columns: new[] { "organization_id", "session_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_webhook_delivery_attempts_organization_id_delivery_id_number",
                table: "webhook_delivery_attempts");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_organization_id_subscription_id_created_",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_memberships_organization_id_customer_id_status",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "ix_customer_status_changes_organization_id_customer_id_at",
                table: "customer_status_changes");

            migrationBuilder.DropIndex(
                name: "ix_customer_notes_organization_id_customer_id_created_at",
                table: "customer_notes");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_organization_id_customer_id_at",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_class_sessions_organization_id_class_type_id_starts_at",
                table: "class_sessions");

            migrationBuilder.DropIndex(
                name: "ix_class_packs_organization_id_customer_id_status",
                table: "class_packs");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_customer_id_booked_at",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_membership_id_charged",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_session_id_status",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_delivery_id_number",
                table: "webhook_delivery_attempts",
                columns: new[] { "delivery_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_organization_id_delivery_id",
                table: "webhook_delivery_attempts",
                columns: new[] { "organization_id", "delivery_id" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_subscription_id_created_at",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_memberships_customer_id_status",
                table: "memberships",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_memberships_organization_id_customer_id",
                table: "memberships",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_status_changes_customer_id_at",
                table: "customer_status_changes",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_status_changes_organization_id_customer_id",
                table: "customer_status_changes",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_notes_customer_id_created_at",
                table: "customer_notes",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_notes_organization_id_customer_id",
                table: "customer_notes",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_booking_id",
                table: "credit_ledger",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_customer_id_at",
                table: "credit_ledger",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_customer_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_class_type_id_starts_at",
                table: "class_sessions",
                columns: new[] { "class_type_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_class_type_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "class_type_id" });

            migrationBuilder.CreateIndex(
                name: "ix_class_packs_customer_id_status",
                table: "class_packs",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_class_packs_organization_id_customer_id",
                table: "class_packs",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_customer_id_booked_at",
                table: "bookings",
                columns: new[] { "customer_id", "booked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_membership_id_charged",
                table: "bookings",
                columns: new[] { "membership_id", "charged" },
                filter: "membership_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_customer_id",
                table: "bookings",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_membership_id",
                table: "bookings",
                columns: new[] { "organization_id", "membership_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_session_id",
                table: "bookings",
                columns: new[] { "organization_id", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_session_id_status",
                table: "bookings",
                columns: new[] { "session_id", "status" });
        }
    }
}
