using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

internal sealed class ClassTypeConfiguration : IEntityTypeConfiguration<ClassType>
{
    public void Configure(EntityTypeBuilder<ClassType> builder)
    {
        builder.ToTable("class_types", t =>
        {
            t.HasCheckConstraint("ck_class_types_capacity", $"default_capacity BETWEEN 1 AND {ClassSession.MaxCapacity}");
            t.HasCheckConstraint("ck_class_types_duration", "default_duration_minutes > 0");
        });
        builder.IsTenantOwned();
        builder.Property(c => c.Name).HasMaxLength(ClassType.NameMaxLength);
    }
}

internal sealed class ClassSessionConfiguration : IEntityTypeConfiguration<ClassSession>
{
    public void Configure(EntityTypeBuilder<ClassSession> builder)
    {
        builder.ToTable("class_sessions", t =>
        {
            t.HasCheckConstraint("ck_class_sessions_capacity", $"capacity BETWEEN 1 AND {ClassSession.MaxCapacity}");
            t.HasCheckConstraint("ck_class_sessions_times", "ends_at > starts_at");
            t.HasCheckConstraint("ck_class_sessions_starts_at_range",
                "starts_at >= TIMESTAMPTZ '1900-01-01 00:00:00+00' AND starts_at < TIMESTAMPTZ '2201-01-01 00:00:00+00'");
            t.HasCheckConstraint("ck_class_sessions_status", TenantKeys.In<SessionStatus>("status"));
        });
        builder.IsTenantOwned();
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.Instructor).HasMaxLength(ClassSession.InstructorMaxLength);
        builder.Property(s => s.Location).HasMaxLength(ClassSession.LocationMaxLength);
        builder.ReferencesInTenant<ClassSession, ClassType>(nameof(ClassSession.ClassTypeId));
        builder.HasIndex(s => new { s.OrganizationId, s.StartsAt });
        builder.HasIndex(s => new { s.ClassTypeId, s.StartsAt });
    }
}
