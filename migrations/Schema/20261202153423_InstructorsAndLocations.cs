using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>
    /// Instructors and locations become rows of their own (tenant tables with row-level security),
    /// replacing the free-text columns of class_sessions; the existing values are mapped to rows.
    /// </summary>
    public partial class InstructorsAndLocations : Migration
    {
        private static readonly string[] TenantTables = ["instructors", "locations"];

        private const string SameOrganization = "organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "instructor_id",
                table: "class_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "location_id",
                table: "class_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "instructors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instructors", x => x.id);
                    table.UniqueConstraint("ak_instructors_organization_id_id", x => new { x.organization_id, x.id });
                    table.ForeignKey(
                        name: "fk_instructors_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_locations", x => x.id);
                    table.UniqueConstraint("ak_locations_organization_id_id", x => new { x.organization_id, x.id });
                    table.ForeignKey(
                        name: "fk_locations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Every distinct free-text value of an organization becomes one row, and its sessions point at it.
            migrationBuilder.Sql("""
                INSERT INTO instructors (id, organization_id, name, is_active)
                SELECT gen_random_uuid(), organization_id, name, true
                FROM (SELECT DISTINCT organization_id, btrim(instructor) AS name FROM class_sessions WHERE btrim(instructor) <> '') v;
                INSERT INTO locations (id, organization_id, name, is_active)
                SELECT gen_random_uuid(), organization_id, name, true
                FROM (SELECT DISTINCT organization_id, btrim(location) AS name FROM class_sessions WHERE btrim(location) <> '') v;
                UPDATE class_sessions s SET instructor_id = i.id
                FROM instructors i WHERE i.organization_id = s.organization_id AND i.name = btrim(s.instructor);
                UPDATE class_sessions s SET location_id = l.id
                FROM locations l WHERE l.organization_id = s.organization_id AND l.name = btrim(s.location);
                """);

            migrationBuilder.DropColumn(
                name: "instructor",
                table: "class_sessions");

            migrationBuilder.DropColumn(
                name: "location",
                table: "class_sessions");

            // Tenant tables: row-level security as every other (docs/adr/0005), and the API's role may read and write them.
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY tenant_isolation ON {table} USING ({SameOrganization}) WITH CHECK ({SameOrganization});
                    GRANT SELECT, INSERT, UPDATE ON {table} TO uc_app;
                    """);
            }

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_instructor_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "instructor_id" });

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_location_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "location_id" });

            migrationBuilder.CreateIndex(
                name: "ux_instructors_name_per_organization",
                table: "instructors",
                columns: new[] { "organization_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_locations_name_per_organization",
                table: "locations",
                columns: new[] { "organization_id", "name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_class_sessions_instructors_organization_id_instructor_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "instructor_id" },
                principalTable: "instructors",
                principalColumns: new[] { "organization_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_class_sessions_locations_organization_id_location_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "location_id" },
                principalTable: "locations",
                principalColumns: new[] { "organization_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "instructor",
                table: "class_sessions",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "location",
                table: "class_sessions",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE class_sessions s SET instructor = i.name FROM instructors i WHERE i.organization_id = s.organization_id AND i.id = s.instructor_id;
                UPDATE class_sessions s SET location = l.name FROM locations l WHERE l.organization_id = s.organization_id AND l.id = s.location_id;
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_class_sessions_instructors_organization_id_instructor_id",
                table: "class_sessions");

            migrationBuilder.DropForeignKey(
                name: "fk_class_sessions_locations_organization_id_location_id",
                table: "class_sessions");

            migrationBuilder.DropTable(
                name: "instructors");

            migrationBuilder.DropTable(
                name: "locations");

            migrationBuilder.DropIndex(
                name: "ix_class_sessions_organization_id_instructor_id",
                table: "class_sessions");

            migrationBuilder.DropIndex(
                name: "ix_class_sessions_organization_id_location_id",
                table: "class_sessions");

            migrationBuilder.DropColumn(
                name: "instructor_id",
                table: "class_sessions");

            migrationBuilder.DropColumn(
                name: "location_id",
                table: "class_sessions");
        }
    }
}
