using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <inheritdoc />
    public partial class DateRangeChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An end date past the accepted range ('infinity', 9999-12-31) was meant as "no end".
            migrationBuilder.Sql("UPDATE memberships SET end_date = NULL WHERE end_date > DATE '2200-12-31';");
            migrationBuilder.Sql("UPDATE memberships SET start_date = DATE '1900-01-01' WHERE start_date < DATE '1900-01-01';");
            migrationBuilder.AddCheckConstraint(
                name: "ck_memberships_date_range",
                table: "memberships",
                sql: "start_date BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND (end_date IS NULL OR end_date <= DATE '2200-12-31')");

            // NOT VALID: enforced for every new or changed row; a session stored out of range before
            // this migration stays (bookings point at it) and can still be cancelled.
            migrationBuilder.Sql(
                "ALTER TABLE class_sessions ADD CONSTRAINT ck_class_sessions_starts_at_range " +
                "CHECK (starts_at >= TIMESTAMPTZ '1900-01-01 00:00:00+00' AND starts_at < TIMESTAMPTZ '2201-01-01 00:00:00+00') NOT VALID;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_memberships_date_range",
                table: "memberships");

            migrationBuilder.DropCheckConstraint(
                name: "ck_class_sessions_starts_at_range",
                table: "class_sessions");
        }
    }
}
