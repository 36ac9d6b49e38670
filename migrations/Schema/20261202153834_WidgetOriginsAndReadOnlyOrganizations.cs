using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>
    /// The web origins each organization allows to call its public widget (CORS), and the API's role
    /// may only read organizations: nothing the API does writes them (they are created and changed
    /// with the owner's connection by the CLI and seeds), and a row no tenant policy guards must not
    /// be writable by a role every request uses.
    /// </summary>
    public partial class WidgetOriginsAndReadOnlyOrganizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "allowed_origins",
                table: "organizations",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);
            migrationBuilder.Sql("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON organizations FROM uc_app;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("GRANT INSERT, UPDATE, DELETE ON organizations TO uc_app;");
            migrationBuilder.DropColumn(
                name: "allowed_origins",
                table: "organizations");
        }
    }
}
