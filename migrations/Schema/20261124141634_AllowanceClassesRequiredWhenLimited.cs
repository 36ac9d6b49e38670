using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <inheritdoc />
    public partial class AllowanceClassesRequiredWhenLimited : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_memberships_allowance",
                table: "memberships");

            migrationBuilder.DropCheckConstraint(
                name: "ck_membership_plans_allowance",
                table: "membership_plans");

            migrationBuilder.AddCheckConstraint(
                name: "ck_memberships_allowance",
                table: "memberships",
                sql: "(allowance_period = 'unlimited' AND allowance_classes IS NULL) OR (allowance_period <> 'unlimited' AND allowance_classes IS NOT NULL AND allowance_classes >= 0)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_membership_plans_allowance",
                table: "membership_plans",
                sql: "(allowance_period = 'unlimited' AND allowance_classes IS NULL) OR (allowance_period <> 'unlimited' AND allowance_classes IS NOT NULL AND allowance_classes >= 1)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_memberships_allowance",
                table: "memberships");

            migrationBuilder.DropCheckConstraint(
                name: "ck_membership_plans_allowance",
                table: "membership_plans");

            migrationBuilder.AddCheckConstraint(
                name: "ck_memberships_allowance",
                table: "memberships",
                sql: "(allowance_period = 'unlimited' AND allowance_classes IS NULL) OR (allowance_period <> 'unlimited' AND allowance_classes >= 0)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_membership_plans_allowance",
                table: "membership_plans",
                sql: "(allowance_period = 'unlimited' AND allowance_classes IS NULL) OR (allowance_period <> 'unlimited' AND allowance_classes >= 1)");
        }
    }
}
