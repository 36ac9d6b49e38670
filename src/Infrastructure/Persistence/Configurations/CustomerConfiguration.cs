using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers", t =>
        {
            t.HasCheckConstraint("ck_customers_lifecycle_status", TenantKeys.In<LifecycleStatus>("lifecycle_status"));
            t.HasCheckConstraint("ck_customers_email_normalized", "email = lower(email) AND email !~ '\\s' AND email <> ''");
            t.HasCheckConstraint("ck_customers_merged_is_archived", "merged_into_id IS NULL OR lifecycle_status = 'archived'");
            t.HasCheckConstraint("ck_customers_name", "first_name <> '' OR last_name <> ''");
            t.HasCheckConstraint(
                "ck_customers_erased",
                "erased_at IS NULL OR (lifecycle_status = 'archived' AND email IS NULL AND phone IS NULL AND notes IS NULL)");
        });
        builder.IsTenantOwned();
        builder.Property(c => c.FirstName).HasMaxLength(PersonName.MaxLength);
        builder.Property(c => c.LastName).HasMaxLength(PersonName.MaxLength);
        builder.Property(c => c.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(c => c.Phone).HasMaxLength(PhoneNumber.MaxLength);
        builder.Property(c => c.Source).HasMaxLength(Customer.SourceMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(Customer.NotesMaxLength);
        builder.Property(c => c.Status).HasColumnName("lifecycle_status").HasMaxLength(16);
        builder.Ignore(c => c.FullName);
        builder.HasIndex(c => new { c.OrganizationId, c.Email })
            .IsUnique()
            .HasFilter("email IS NOT NULL AND lifecycle_status <> 'archived'")
            .HasDatabaseName("ux_customers_email_per_organization");
        builder.HasIndex(c => new { c.OrganizationId, c.Status });
        builder.HasIndex(c => new { c.OrganizationId, c.LastName, c.FirstName });
        builder.HasIndex(c => new { c.OrganizationId, c.Phone });
        builder.ReferencesInTenant<Customer, Customer>(nameof(Customer.MergedIntoId));
        builder.HasIndex(c => new { c.OrganizationId, c.MergedIntoId }).HasFilter("merged_into_id IS NOT NULL");
        builder.HasMany(c => c.StatusHistory).WithOne()
            .HasForeignKey(h => new { h.OrganizationId, h.CustomerId })
            .HasPrincipalKey(c => new { c.OrganizationId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.StatusHistory).HasField("_statusHistory").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CustomerStatusChangeConfiguration : IEntityTypeConfiguration<CustomerStatusChange>
{
    public void Configure(EntityTypeBuilder<CustomerStatusChange> builder)
    {
        builder.ToTable("customer_status_changes", t =>
        {
            t.HasCheckConstraint("ck_customer_status_changes_to", TenantKeys.In<LifecycleStatus>("\"to\""));
            t.HasCheckConstraint("ck_customer_status_changes_from", "\"from\" IS NULL OR " + TenantKeys.In<LifecycleStatus>("\"from\""));
        });
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.From).HasMaxLength(16);
        builder.Property(h => h.To).HasMaxLength(16);
        builder.Property(h => h.Cause).HasMaxLength(StatusCause.MaxLength);
        builder.HasIndex(h => new { h.OrganizationId, h.CustomerId, h.At });
    }
}

internal sealed class CustomerAccessTokenConfiguration : IEntityTypeConfiguration<CustomerAccessToken>
{
    public void Configure(EntityTypeBuilder<CustomerAccessToken> builder)
    {
        builder.ToTable("customer_access_tokens", t => t.HasCheckConstraint("ck_customer_access_tokens_expiry", "expires_at > issued_at"));
        builder.IsTenantOwned();
        builder.Property(a => a.Label).HasMaxLength(CustomerAccessToken.LabelMaxLength);
        builder.ReferencesInTenant<CustomerAccessToken, Customer>(nameof(CustomerAccessToken.CustomerId));
        builder.HasIndex(a => new { a.OrganizationId, a.CustomerId, a.IssuedAt });
    }
}

internal sealed class CustomerNoteConfiguration : IEntityTypeConfiguration<CustomerNote>
{
    public void Configure(EntityTypeBuilder<CustomerNote> builder)
    {
        builder.ToTable("customer_notes");
        builder.IsTenantOwned();
        builder.Property(n => n.Content).HasMaxLength(CustomerNote.ContentMaxLength);
        builder.ReferencesInTenant<CustomerNote, Customer>(nameof(CustomerNote.CustomerId));
        builder.HasIndex(n => new { n.OrganizationId, n.CustomerId, n.CreatedAt });
    }
}

internal sealed class LegacyIdMappingConfiguration : IEntityTypeConfiguration<LegacyIdMapping>
{
    public void Configure(EntityTypeBuilder<LegacyIdMapping> builder)
    {
        builder.ToTable("legacy_id_map", t => t.HasCheckConstraint("ck_legacy_id_map_outcome", "outcome IN ('migrated', 'merged')"));
        // The uuid leads each key: lookups are by legacy id or by target id, and the consolidation builds
        // both over millions of rows, where a leading table name (a handful of values, compared under the
        // locale) makes every sort comparison fall through to the second column.
        builder.HasKey(m => new { m.LegacyId, m.SourceTable });
        builder.HasIndex(m => new { m.TargetId, m.TargetTable });
    }
}
