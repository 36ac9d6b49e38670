using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <inheritdoc />
    public partial class AllowanceYearPeriod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_memberships_allowance_period",
                table: "memberships");

            migrationBuilder.DropCheckConstraint(
                name: "ck_membership_plans_allowance_period",
                table: "membership_plans");

            migrationBuilder.AddCheckConstraint(
                name: "ck_memberships_allowance_period",
                table: "memberships",
                sql: "allowance_period IN ('unlimited', 'week', 'month', 'term', 'year')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_membership_plans_allowance_period",
                table: "membership_plans",
                sql: "allowance_period IN ('unlimited', 'week', 'month', 'term', 'year')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_memberships_allowance_period",
                table: "memberships");

            migrationBuilder.DropCheckConstraint(
                name: "ck_membership_plans_allowance_period",
                table: "membership_plans");

            migrationBuilder.AddCheckConstraint(
                name: "ck_memberships_allowance_period",
                table: "memberships",
                sql: "allowance_period IN ('unlimited', 'week', 'month', 'term')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_membership_plans_allowance_period",
                table: "membership_plans",
                sql: "allowance_period IN ('unlimited', 'week', 'month', 'term')");
        }
    }
}
