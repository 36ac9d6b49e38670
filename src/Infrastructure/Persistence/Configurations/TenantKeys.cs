using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

/// <summary>
/// Foreign keys between tenant tables include organization_id, so a row can never point into
/// another organization: the database refuses it even if code forgets to check.
/// </summary>
internal static class TenantKeys
{
    public static void IsTenantOwned<T>(this EntityTypeBuilder<T> builder) where T : Entity, ITenantOwned
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasAlternateKey(e => new { e.OrganizationId, e.Id });
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public static void ReferencesInTenant<TDependent, TPrincipal>(this EntityTypeBuilder<TDependent> builder, string foreignKey)
        where TDependent : class, ITenantOwned
        where TPrincipal : Entity, ITenantOwned =>
        builder.HasOne<TPrincipal>().WithMany()
            .HasForeignKey(nameof(ITenantOwned.OrganizationId), foreignKey)
            .HasPrincipalKey(nameof(ITenantOwned.OrganizationId), nameof(Entity.Id))
            .OnDelete(DeleteBehavior.Restrict);

    public static string In<TEnum>(string column) where TEnum : struct, Enum =>
        $"{column} IN ({Conventions.SnakeCaseEnumConverter<TEnum>.SqlValues()})";
}
