using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <inheritdoc />
    public partial class LegacyIdMapKeysLeadWithTheId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_legacy_id_map",
                table: "legacy_id_map");

            migrationBuilder.DropIndex(
                name: "ix_legacy_id_map_legacy_id",
                table: "legacy_id_map");

            migrationBuilder.DropIndex(
                name: "ix_legacy_id_map_target_table_target_id",
                table: "legacy_id_map");

            migrationBuilder.AddPrimaryKey(
                name: "pk_legacy_id_map",
                table: "legacy_id_map",
                columns: new[] { "legacy_id", "source_table" });

            migrationBuilder.CreateIndex(
                name: "ix_legacy_id_map_target_id_target_table",
                table: "legacy_id_map",
                columns: new[] { "target_id", "target_table" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_legacy_id_map",
                table: "legacy_id_map");

            migrationBuilder.DropIndex(
                name: "ix_legacy_id_map_target_id_target_table",
                table: "legacy_id_map");

            migrationBuilder.AddPrimaryKey(
                name: "pk_legacy_id_map",
                table: "legacy_id_map",
                columns: new[] { "source_table", "legacy_id" });

            migrationBuilder.CreateIndex(
                name: "ix_legacy_id_map_legacy_id",
                table: "legacy_id_map",
                column: "legacy_id");

            migrationBuilder.CreateIndex(
                name: "ix_legacy_id_map_target_table_target_id",
                table: "legacy_id_map",
                columns: new[] { "target_table", "target_id" });
        }
    }
}
