using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

/// <summary>
/// Foreign keys between tenant tables include organization_id, so a row can never point into
/// another organization: the database refuses it even if code forgets to check. An index that starts
/// with such a key's column leads with organization_id too: every query of a tenant table carries it
/// (the tenant filter, the row policy), and the index then also serves the key, which would otherwise
/// get an index of its own to keep in step on every write (docs/adr/0035, IndexTests).
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
