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
        builder.ReferencesInTenant<ClassSession, ClassType>(nameof(ClassSession.ClassTypeId));
        builder.ReferencesInTenant<ClassSession, Instructor>(nameof(ClassSession.InstructorId));
        builder.ReferencesInTenant<ClassSession, Location>(nameof(ClassSession.LocationId));
        builder.HasIndex(s => new { s.OrganizationId, s.InstructorId }).HasFilter("instructor_id IS NOT NULL");
        builder.HasIndex(s => new { s.OrganizationId, s.LocationId }).HasFilter("location_id IS NOT NULL");
        builder.HasIndex(s => new { s.OrganizationId, s.StartsAt });
        builder.HasIndex(s => new { s.OrganizationId, s.ClassTypeId, s.StartsAt });
    }
}

internal sealed class InstructorConfiguration : IEntityTypeConfiguration<Instructor>
{
    public void Configure(EntityTypeBuilder<Instructor> builder)
    {
        builder.ToTable("instructors");
        builder.IsTenantOwned();
        builder.Property(i => i.Name).HasMaxLength(Instructor.NameMaxLength);
        builder.HasIndex(i => new { i.OrganizationId, i.Name }).IsUnique().HasDatabaseName("ux_instructors_name_per_organization");
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("locations");
        builder.IsTenantOwned();
        builder.Property(l => l.Name).HasMaxLength(Location.NameMaxLength);
        builder.HasIndex(l => new { l.OrganizationId, l.Name }).IsUnique().HasDatabaseName("ux_locations_name_per_organization");
    }
}
