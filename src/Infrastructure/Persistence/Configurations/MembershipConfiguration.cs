using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

internal sealed class MembershipPlanConfiguration : IEntityTypeConfiguration<MembershipPlan>
{
    public void Configure(EntityTypeBuilder<MembershipPlan> builder)
    {
        builder.ToTable("membership_plans", t =>
        {
            t.HasCheckConstraint("ck_membership_plans_allowance_period", TenantKeys.In<AllowancePeriod>("allowance_period"));
            // IS NOT NULL is spelled out: a CHECK that evaluates to NULL passes, so "classes >= 1" alone lets a limited plan through without a number.
            t.HasCheckConstraint("ck_membership_plans_allowance",
                "(allowance_period = 'unlimited' AND allowance_classes IS NULL) OR (allowance_period <> 'unlimited' AND allowance_classes IS NOT NULL AND allowance_classes >= 1)");
        });
        builder.IsTenantOwned();
        builder.Property(p => p.Name).HasMaxLength(MembershipPlan.NameMaxLength);
        builder.ComplexProperty(p => p.Allowance, AllowanceColumns.Map);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships", t =>
        {
            t.HasCheckConstraint("ck_memberships_status", TenantKeys.In<MembershipStatus>("status"));
            t.HasCheckConstraint("ck_memberships_allowance_period", TenantKeys.In<AllowancePeriod>("allowance_period"));
            t.HasCheckConstraint("ck_memberships_allowance",
                "(allowance_period = 'unlimited' AND allowance_classes IS NULL) OR (allowance_period <> 'unlimited' AND allowance_classes IS NOT NULL AND allowance_classes >= 0)");
            t.HasCheckConstraint("ck_memberships_dates", "end_date IS NULL OR end_date >= start_date");
            // DateBounds: never 'infinity', so date arithmetic on what is stored cannot overflow.
            t.HasCheckConstraint("ck_memberships_date_range",
                "start_date BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND (end_date IS NULL OR end_date <= DATE '2200-12-31')");
        });
        builder.IsTenantOwned();
        builder.Property(m => m.Status).HasMaxLength(16);
        builder.ComplexProperty(m => m.Allowance, AllowanceColumns.Map);
        builder.OwnsMany(m => m.Pauses, pauses => pauses.ToJson("pauses"));
        builder.Navigation(m => m.Pauses).HasField("_pauses").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ReferencesInTenant<Membership, Customer>(nameof(Membership.CustomerId));
        builder.ReferencesInTenant<Membership, MembershipPlan>(nameof(Membership.PlanId));
        builder.HasIndex(m => new { m.OrganizationId, m.CustomerId, m.Status });
    }
}

internal static class AllowanceColumns
{
    public static void Map(ComplexPropertyBuilder<Allowance> allowance)
    {
        allowance.Property(a => a.Period).HasColumnName("allowance_period").HasMaxLength(16);
        allowance.Property(a => a.Classes).HasColumnName("allowance_classes");
        allowance.Ignore(a => a.IsUnlimited);
    }
}
