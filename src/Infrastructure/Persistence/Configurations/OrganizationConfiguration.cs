using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.Slug).HasMaxLength(Organization.SlugMaxLength);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.TimeZone).HasMaxLength(64);
        builder.Property(o => o.Country).HasMaxLength(2).IsFixedLength();
    }
}
