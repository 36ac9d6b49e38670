using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

internal sealed class PackProductConfiguration : IEntityTypeConfiguration<PackProduct>
{
    public void Configure(EntityTypeBuilder<PackProduct> builder)
    {
        builder.ToTable("pack_products", t =>
        {
            t.HasCheckConstraint("ck_pack_products_credits", "credits >= 1");
            t.HasCheckConstraint("ck_pack_products_validity", "validity_days >= 1");
        });
        builder.IsTenantOwned();
        builder.Property(p => p.Name).HasMaxLength(PackProduct.NameMaxLength);
    }
}

internal sealed class ClassPackConfiguration : IEntityTypeConfiguration<ClassPack>
{
    public void Configure(EntityTypeBuilder<ClassPack> builder)
    {
        builder.ToTable("class_packs", t =>
        {
            t.HasCheckConstraint("ck_class_packs_credits", "credits_remaining BETWEEN 0 AND credits_total");
            t.HasCheckConstraint("ck_class_packs_status", TenantKeys.In<PackStatus>("status"));
        });
        builder.IsTenantOwned();
        builder.Property(p => p.Status).HasMaxLength(16);
        builder.ReferencesInTenant<ClassPack, Customer>(nameof(ClassPack.CustomerId));
        builder.ReferencesInTenant<ClassPack, PackProduct>(nameof(ClassPack.ProductId));
        builder.HasIndex(p => new { p.OrganizationId, p.CustomerId, p.Status });
    }
}
