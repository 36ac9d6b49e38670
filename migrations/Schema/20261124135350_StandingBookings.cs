using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <inheritdoc />
    public partial class StandingBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "standing_bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    class_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    weekdays = table.Column<int[]>(type: "integer[]", nullable: false),
                    local_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    until_date = table.Column<DateOnly>(type: "date", nullable: false),
                    join_waitlist_if_full = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_standing_bookings", x => x.id);
                    table.UniqueConstraint("ak_standing_bookings_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_standing_bookings_range", "until_date >= from_date");
                    table.CheckConstraint("ck_standing_bookings_weekdays", "cardinality(weekdays) BETWEEN 1 AND 7");
                    table.ForeignKey(
                        name: "fk_standing_bookings_class_types_organization_id_class_type_id",
                        columns: x => new { x.organization_id, x.class_type_id },
                        principalTable: "class_types",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_standing_bookings_customers_organization_id_customer_id",
                        columns: x => new { x.organization_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_standing_bookings_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_standing_bookings_organization_id_class_type_id_is_active",
                table: "standing_bookings",
                columns: new[] { "organization_id", "class_type_id", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_standing_bookings_organization_id_customer_id",
                table: "standing_bookings",
                columns: new[] { "organization_id", "customer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "standing_bookings");
        }
    }
}
