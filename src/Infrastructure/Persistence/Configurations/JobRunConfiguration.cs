using UnifiedCustomers.Infrastructure.Jobs;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRunRecord>
{
    public void Configure(EntityTypeBuilder<JobRunRecord> builder)
    {
        builder.ToTable("job_runs", t =>
        {
            t.HasCheckConstraint("ck_job_runs_status", "status IN ('running', 'succeeded', 'failed')");
            t.HasCheckConstraint("ck_job_runs_attempts", "attempts >= 1");
        });
        builder.HasKey(r => new { r.Job, r.RunKey });
        builder.Property(r => r.Job).HasMaxLength(JobRunRecord.JobMaxLength);
        builder.Property(r => r.RunKey).HasMaxLength(JobRunRecord.RunKeyMaxLength);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.ClaimedBy).HasMaxLength(JobRunRecord.ClaimedByMaxLength);
        builder.Property(r => r.Report).HasColumnType("jsonb");
        builder.HasIndex(r => r.FinishedAt);
    }
}
