using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <inheritdoc />
    public partial class ReferenceIndexesHoldOnlyReferencingRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_organization_id_merged_into_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_organization_id_booking_id",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_organization_id_membership_id",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_organization_id_pack_id",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_class_sessions_organization_id_instructor_id",
                table: "class_sessions");

            migrationBuilder.DropIndex(
                name: "ix_class_sessions_organization_id_location_id",
                table: "class_sessions");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_membership_id_charged",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_pack_id",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "ix_customers_organization_id_merged_into_id",
                table: "customers",
                columns: new[] { "organization_id", "merged_into_id" },
                filter: "merged_into_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_booking_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "booking_id" },
                filter: "booking_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_membership_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "membership_id" },
                filter: "membership_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_pack_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "pack_id" },
                filter: "pack_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_instructor_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "instructor_id" },
                filter: "instructor_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_location_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "location_id" },
                filter: "location_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_membership_id_charged",
                table: "bookings",
                columns: new[] { "organization_id", "membership_id", "charged" },
                filter: "membership_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_pack_id",
                table: "bookings",
                columns: new[] { "organization_id", "pack_id" },
                filter: "pack_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_organization_id_merged_into_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_organization_id_booking_id",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_organization_id_membership_id",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_credit_ledger_organization_id_pack_id",
                table: "credit_ledger");

            migrationBuilder.DropIndex(
                name: "ix_class_sessions_organization_id_instructor_id",
                table: "class_sessions");

            migrationBuilder.DropIndex(
                name: "ix_class_sessions_organization_id_location_id",
                table: "class_sessions");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_membership_id_charged",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_bookings_organization_id_pack_id",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "ix_customers_organization_id_merged_into_id",
                table: "customers",
                columns: new[] { "organization_id", "merged_into_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_booking_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "booking_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_membership_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "membership_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_pack_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "pack_id" });

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_instructor_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "instructor_id" });

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_location_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "location_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_membership_id_charged",
                table: "bookings",
                columns: new[] { "organization_id", "membership_id", "charged" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_pack_id",
                table: "bookings",
                columns: new[] { "organization_id", "pack_id" });
        }
    }
}
