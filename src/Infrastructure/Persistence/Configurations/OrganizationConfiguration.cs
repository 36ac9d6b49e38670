using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations", t => t.HasCheckConstraint("ck_organizations_country", "country ~ '^[A-Z]{2}$'"));
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.Slug).HasMaxLength(Organization.SlugMaxLength);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.TimeZone).HasMaxLength(Organization.TimeZoneMaxLength);
        builder.Property(o => o.Country).HasMaxLength(2).IsFixedLength();
        builder.Ignore(o => o.Zone);
        builder.PrimitiveCollection(o => o.AllowedOrigins).HasColumnType("text[]");
        builder.ComplexProperty(o => o.Policy, policy =>
        {
            policy.Property(p => p.BookingOpensDaysBefore).HasColumnName("policy_booking_opens_days_before");
            policy.Property(p => p.BookingClosesMinutesBefore).HasColumnName("policy_booking_closes_minutes_before");
            policy.Property(p => p.LateCancelHours).HasColumnName("policy_late_cancel_hours");
            policy.Property(p => p.LateCancelForfeitsCredit).HasColumnName("policy_late_cancel_forfeits_credit");
            policy.Property(p => p.WaitlistCap).HasColumnName("policy_waitlist_cap");
            policy.Property(p => p.PromotionCutoffMinutes).HasColumnName("policy_promotion_cutoff_minutes");
            policy.Property(p => p.DropInsForLeadsAndTrials).HasColumnName("policy_drop_ins_for_leads_and_trials");
        });
    }
}
