using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Infrastructure.Access;
using UnifiedCustomers.Infrastructure.Idempotency;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys", t => t.HasCheckConstraint("ck_api_keys_hash", "octet_length(key_hash) = 32"));
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.KeyPrefix).HasMaxLength(ApiKey.PrefixLength);
        builder.HasIndex(k => k.KeyPrefix).IsUnique();
        builder.HasIndex(k => k.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records", t => t.HasCheckConstraint("ck_idempotency_records_hash", "octet_length(request_hash) = 32"));
        builder.HasKey(r => new { r.OrganizationId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.HasIndex(r => new { r.OrganizationId, r.CreatedAt });
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
