using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>
    /// Customer access tokens (a tenant table: row-level security, and the API may insert and revoke
    /// but never delete), erased customers, member-app bookings, and the studio settings page: the API
    /// may update the organization's settings columns and nothing else of it (docs/adr/0019, 0020, 0021).
    /// </summary>
    public partial class MemberAccessAndPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_bookings_source",
                table: "bookings");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erased_at",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "customer_access_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_access_tokens", x => x.id);
                    table.UniqueConstraint("ak_customer_access_tokens_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_customer_access_tokens_expiry", "expires_at > issued_at");
                    table.ForeignKey(
                        name: "fk_customer_access_tokens_customers_organization_id_customer_id",
                        columns: x => new { x.organization_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_access_tokens_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_customers_erased",
                table: "customers",
                sql: "erased_at IS NULL OR (lifecycle_status = 'archived' AND email IS NULL AND phone IS NULL AND notes IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_bookings_source",
                table: "bookings",
                sql: "source IN ('staff', 'public', 'api', 'legacy', 'member_app')");

            migrationBuilder.CreateIndex(
                name: "ix_customer_access_tokens_organization_id_customer_id_issued_at",
                table: "customer_access_tokens",
                columns: new[] { "organization_id", "customer_id", "issued_at" });

            migrationBuilder.Sql($"""
                ALTER TABLE customer_access_tokens ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON customer_access_tokens USING ({SameOrganization}) WITH CHECK ({SameOrganization});
                REVOKE ALL ON customer_access_tokens FROM uc_app;
                GRANT SELECT, INSERT ON customer_access_tokens TO uc_app;
                GRANT UPDATE (revoked_at) ON customer_access_tokens TO uc_app;
                REVOKE UPDATE ON organizations FROM uc_app;
                GRANT UPDATE ({string.Join(", ", OrganizationSettingsColumns)}) ON organizations TO uc_app;
                """);
        }

        // NULLIF: once a transaction that set it ends, the setting reads '' on that connection, not NULL.
        private const string SameOrganization = "organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid";

        /// <summary>What PUT /api/v1/organization changes; the id, slug and creation time stay the owner's.</summary>
        private static readonly string[] OrganizationSettingsColumns =
        [
            "name", "time_zone", "country", "policy_booking_opens_days_before", "policy_booking_closes_minutes_before", "policy_late_cancel_hours",
            "policy_late_cancel_forfeits_credit", "policy_waitlist_cap", "policy_promotion_cutoff_minutes", "policy_drop_ins_for_leads_and_trials",
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                REVOKE UPDATE ({string.Join(", ", OrganizationSettingsColumns)}) ON organizations FROM uc_app;
                GRANT UPDATE ON organizations TO uc_app;
                """);

            migrationBuilder.DropTable(
                name: "customer_access_tokens");

            migrationBuilder.DropCheckConstraint(
                name: "ck_customers_erased",
                table: "customers");

            migrationBuilder.DropCheckConstraint(
                name: "ck_bookings_source",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "erased_at",
                table: "customers");

            migrationBuilder.AddCheckConstraint(
                name: "ck_bookings_source",
                table: "bookings",
                sql: "source IN ('staff', 'public', 'api', 'legacy')");
        }
    }
}
