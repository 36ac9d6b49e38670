using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>
    /// The API role may update an organization's settings columns (PUT /api/v1/organization); the
    /// database now also holds that write to the organization the transaction is scoped to, as every
    /// tenant table does. Reading stays open to the API role: the widget finds a studio by slug and
    /// authentication by key before any scope exists. The owner is not subject to row-level security.
    /// </summary>
    public partial class OrganizationUpdatesOnlyOwn : Migration
    {
        private const string OwnOrganization = "id = NULLIF(current_setting('app.organization_id', true), '')::uuid";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
                CREATE POLICY organizations_read ON organizations FOR SELECT USING (true);
                CREATE POLICY organizations_update_own ON organizations FOR UPDATE USING ({OwnOrganization}) WITH CHECK ({OwnOrganization});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY organizations_update_own ON organizations;
                DROP POLICY organizations_read ON organizations;
                ALTER TABLE organizations DISABLE ROW LEVEL SECURITY;
                """);
        }
    }
}
