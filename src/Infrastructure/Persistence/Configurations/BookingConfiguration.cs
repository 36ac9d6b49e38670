using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings", t =>
        {
            t.HasCheckConstraint("ck_bookings_status", TenantKeys.In<BookingStatus>("status"));
            t.HasCheckConstraint("ck_bookings_source", TenantKeys.In<BookingSource>("source"));
            t.HasCheckConstraint("ck_bookings_payment_method", TenantKeys.In<PaymentMethod>("payment_method"));
            t.HasCheckConstraint("ck_bookings_payment_reference",
                "(payment_method = 'membership') = (membership_id IS NOT NULL) AND (payment_method = 'pack') = (pack_id IS NOT NULL)");
            t.HasCheckConstraint("ck_bookings_waitlist_position",
                "(status = 'waitlisted') = (waitlist_position IS NOT NULL) AND (waitlist_position IS NULL OR waitlist_position >= 1)");
            t.HasCheckConstraint("ck_bookings_charged", "NOT charged OR payment_method IN ('membership', 'pack')");
            // Only a charge a membership's allowance counts keeps the start it was booked for (docs/adr/0034).
            t.HasCheckConstraint("ck_bookings_charged_for", "charged_for IS NULL OR (charged AND membership_id IS NOT NULL)");
        });
        builder.IsTenantOwned();
        builder.Property(b => b.Status).HasMaxLength(16);
        builder.Property(b => b.Source).HasMaxLength(16);
        builder.Property(b => b.PaymentMethod).HasMaxLength(16);
        builder.Property(b => b.IdempotencyKey).HasMaxLength(Booking.IdempotencyKeyMaxLength);
        builder.Ignore(b => b.Payment);
        builder.Ignore(b => b.IsActive);
        builder.Ignore(b => b.HoldsSeat);
        builder.ReferencesInTenant<Booking, Customer>(nameof(Booking.CustomerId));
        builder.ReferencesInTenant<Booking, ClassSession>(nameof(Booking.SessionId));
        builder.ReferencesInTenant<Booking, Membership>(nameof(Booking.MembershipId));
        builder.ReferencesInTenant<Booking, ClassPack>(nameof(Booking.PackId));
        // One active booking per customer per class; cancelled ones never count.
        builder.HasIndex(b => new { b.CustomerId, b.SessionId })
            .IsUnique()
            .HasFilter("status IN ('confirmed', 'waitlisted', 'attended')")
            .HasDatabaseName("ux_bookings_one_active_per_customer_and_session");
        builder.HasIndex(b => new { b.OrganizationId, b.IdempotencyKey })
            .IsUnique()
            .HasFilter("idempotency_key IS NOT NULL")
            .HasDatabaseName("ux_bookings_idempotency_key");
        builder.HasIndex(b => new { b.OrganizationId, b.SessionId, b.Status });
        builder.HasIndex(b => new { b.OrganizationId, b.CustomerId, b.BookedAt });
        // A reference's index holds only the rows that make one: no lookup searches for a missing membership or pack.
        builder.HasIndex(b => new { b.OrganizationId, b.MembershipId, b.Charged }).HasFilter("membership_id IS NOT NULL");
        builder.HasIndex(b => new { b.OrganizationId, b.PackId }).HasFilter("pack_id IS NOT NULL");
        // For updatedSince: kept by the database (a default and a trigger), never written by EF, so it costs the booking path nothing.
        var updatedAt = builder.Property<DateTimeOffset>(BookingUpdatedAt).HasDefaultValueSql("now()").ValueGeneratedNever();
        updatedAt.Metadata.SetBeforeSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        updatedAt.Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        builder.HasIndex(BookingUpdatedAt);
    }

    public const string BookingUpdatedAt = "UpdatedAt";
}

internal sealed class CreditLedgerEntryConfiguration : IEntityTypeConfiguration<CreditLedgerEntry>
{
    public void Configure(EntityTypeBuilder<CreditLedgerEntry> builder)
    {
        builder.ToTable("credit_ledger", t =>
        {
            t.HasCheckConstraint("ck_credit_ledger_delta", "delta IN (-1, 1)");
            t.HasCheckConstraint("ck_credit_ledger_reason", TenantKeys.In<LedgerReason>("reason"));
            t.HasCheckConstraint("ck_credit_ledger_target", "(membership_id IS NULL) <> (pack_id IS NULL)");
        });
        builder.IsTenantOwned();
        builder.Property(e => e.Reason).HasMaxLength(32);
        builder.ReferencesInTenant<CreditLedgerEntry, Customer>(nameof(CreditLedgerEntry.CustomerId));
        builder.ReferencesInTenant<CreditLedgerEntry, Booking>(nameof(CreditLedgerEntry.BookingId));
        builder.ReferencesInTenant<CreditLedgerEntry, Membership>(nameof(CreditLedgerEntry.MembershipId));
        builder.ReferencesInTenant<CreditLedgerEntry, ClassPack>(nameof(CreditLedgerEntry.PackId));
        builder.HasIndex(e => new { e.OrganizationId, e.CustomerId, e.At });
        builder.HasIndex(e => new { e.OrganizationId, e.BookingId }).HasFilter("booking_id IS NOT NULL");
        builder.HasIndex(e => new { e.OrganizationId, e.MembershipId }).HasFilter("membership_id IS NOT NULL");
        builder.HasIndex(e => new { e.OrganizationId, e.PackId }).HasFilter("pack_id IS NOT NULL");
    }
}

internal sealed class StandingBookingConfiguration : IEntityTypeConfiguration<StandingBooking>
{
    public void Configure(EntityTypeBuilder<StandingBooking> builder)
    {
        builder.ToTable("standing_bookings", t =>
        {
            t.HasCheckConstraint("ck_standing_bookings_range", "until_date >= from_date");
            t.HasCheckConstraint("ck_standing_bookings_weekdays", "cardinality(weekdays) BETWEEN 1 AND 7");
        });
        builder.IsTenantOwned();
        builder.Property(s => s.Weekdays).HasConversion(
            days => days.Select(d => (int)d).ToArray(),
            numbers => numbers.Select(n => (DayOfWeek)n).ToArray(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<DayOfWeek[]>(
                (a, b) => a!.SequenceEqual(b!), days => days.Aggregate(0, (hash, d) => HashCode.Combine(hash, d)), days => days.ToArray()));
        builder.ReferencesInTenant<StandingBooking, Customer>(nameof(StandingBooking.CustomerId));
        builder.ReferencesInTenant<StandingBooking, ClassType>(nameof(StandingBooking.ClassTypeId));
        builder.HasIndex(s => new { s.OrganizationId, s.ClassTypeId, s.IsActive });
    }
}
