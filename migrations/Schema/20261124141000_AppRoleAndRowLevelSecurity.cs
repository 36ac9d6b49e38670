using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using UnifiedCustomers.Infrastructure.Persistence;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>
    /// The API's own login role (not a superuser, owns no table) and row-level security on every
    /// tenant table, keyed on the per-transaction setting app.organization_id that the unit of work
    /// sets. The table list is frozen here on purpose: a later tenant table adds its policy in its
    /// own migration (a test checks that none is missing).
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261124141000_AppRoleAndRowLevelSecurity")]
    public partial class AppRoleAndRowLevelSecurity : Migration
    {
        private static readonly string[] TenantTables =
        [
            "customers", "customer_status_changes", "customer_notes", "class_types", "class_sessions", "membership_plans",
            "memberships", "pack_products", "class_packs", "bookings", "credit_ledger", "standing_bookings", "idempotency_records",
        ];

        // NULLIF: once a transaction that set it ends, the setting reads '' on that connection, not NULL.
        private const string SameOrganization = "organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid";

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Roles belong to the cluster, not the database: another database may have created it already, or be doing so now.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uc_app') THEN
                    CREATE ROLE uc_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
                  END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                GRANT USAGE ON SCHEMA public TO uc_app;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO uc_app;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO uc_app;
                REVOKE INSERT, UPDATE, DELETE ON api_keys, legacy_id_map, "__EFMigrationsHistory" FROM uc_app;
                REVOKE ALL ON consolidation_quarantine, consolidation_runs FROM uc_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO uc_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO uc_app;
                """);
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY tenant_isolation ON {table} USING ({SameOrganization}) WITH CHECK ({SameOrganization});
                    """);
            }
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql($"""
                    DROP POLICY tenant_isolation ON {table};
                    ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
                    """);
            }
            // The role stays: other databases of the cluster may still use it.
            migrationBuilder.Sql("""
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM uc_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM uc_app;
                REVOKE ALL ON ALL TABLES IN SCHEMA public FROM uc_app;
                REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM uc_app;
                REVOKE ALL ON SCHEMA public FROM uc_app;
                """);
        }
    }
}
