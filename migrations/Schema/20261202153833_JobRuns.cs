using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <summary>The scheduled jobs' claimed rows: one per job run, so replicas never do a run twice (docs/adr/0016).</summary>
    public partial class JobRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    job = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    run_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    report = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_runs", x => new { x.job, x.run_key });
                    table.CheckConstraint("ck_job_runs_attempts", "attempts >= 1");
                    table.CheckConstraint("ck_job_runs_status", "status IN ('running', 'succeeded', 'failed')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_finished_at",
                table: "job_runs",
                column: "finished_at");

            // Not a tenant table (no organization_id, no policy): the schedulers of every replica share it.
            migrationBuilder.Sql("GRANT SELECT, INSERT, UPDATE, DELETE ON job_runs TO uc_app;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_runs");
        }
    }
}
