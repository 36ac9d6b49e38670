using Npgsql;
using UnifiedCustomers.Testing;
using static UnifiedCustomers.Application.Tests.Persistence.PostgresAssertions;

namespace UnifiedCustomers.Application.Tests.Persistence;

public sealed class BookingConstraintTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly Rows _rows = new(database.ConnectionString);

    [Fact]
    public async Task Insert_WhenTheRowIsValid_IsAccepted()
    {
        var tenant = await _rows.TenantAsync();

        var other = await _rows.TenantAsync();

        await _rows.BookingAsync(tenant, paymentMethod: "pack", packId: tenant.PackId, charged: true);
        await _rows.BookingAsync(other, status: "waitlisted", paymentMethod: "membership", membershipId: other.MembershipId, waitlistPosition: 1);
    }

    [Theory]
    [InlineData("customer_id")]
    [InlineData("session_id")]
    public async Task Insert_WhenCustomerOrSessionIsMissing_IsRefusedByNotNull(string column)
    {
        var tenant = await _rows.TenantAsync();

        var refusal = await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(
            $"""
            INSERT INTO bookings (id, organization_id, customer_id, session_id, status, payment_method, charged, source, booked_at)
            VALUES ($1, $2, {(column == "customer_id" ? "NULL" : "$3")}, {(column == "session_id" ? "NULL" : "$4")}, 'confirmed', 'drop_in', false, 'staff', now())
            """,
            Guid.NewGuid(), tenant.OrganizationId, tenant.CustomerId, tenant.SessionId), PostgresErrorCodes.NotNullViolation);

        refusal.ColumnName.Should().Be(column);
    }

    [Fact]
    public async Task Insert_WhenTheCustomerDoesNotExist_IsRefusedByTheForeignKey()
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(tenant, customerId: Guid.NewGuid()),
            PostgresErrorCodes.ForeignKeyViolation, "fk_bookings_customers_organization_id_customer_id");
    }

    [Fact]
    public async Task Insert_WhenTheSessionDoesNotExist_IsRefusedByTheForeignKey()
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(tenant, sessionId: Guid.NewGuid()),
            PostgresErrorCodes.ForeignKeyViolation, "fk_bookings_class_sessions_organization_id_session_id");
    }

    [Theory]
    [InlineData("confirmed", "confirmed")]
    [InlineData("confirmed", "waitlisted")]
    [InlineData("attended", "confirmed")]
    [InlineData("waitlisted", "waitlisted")]
    public async Task Insert_WhenTheCustomerAlreadyHoldsAnActiveBookingOfTheSession_IsRefusedByThePartialUniqueIndex(string first, string second)
    {
        var tenant = await _rows.TenantAsync();
        await _rows.BookingAsync(tenant, status: first, waitlistPosition: first == "waitlisted" ? 1 : null);

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(tenant, status: second, waitlistPosition: second == "waitlisted" ? 2 : null),
            PostgresErrorCodes.UniqueViolation, "ux_bookings_one_active_per_customer_and_session");
    }

    [Fact]
    public async Task Insert_WhenTheEarlierBookingsOfTheSessionAreNoLongerActive_AcceptsANewActiveOne()
    {
        var tenant = await _rows.TenantAsync();
        await _rows.BookingAsync(tenant, status: "cancelled");
        await _rows.BookingAsync(tenant, status: "late_cancelled");
        await _rows.BookingAsync(tenant, status: "no_show");

        await _rows.BookingAsync(tenant, status: "confirmed");
    }

    [Fact]
    public async Task Insert_WhenAnotherCustomerHoldsTheSession_IsAccepted()
    {
        var tenant = await _rows.TenantAsync();
        var other = await _rows.CustomerAsync(tenant.OrganizationId);
        await _rows.BookingAsync(tenant);

        await _rows.BookingAsync(tenant, customerId: other);
    }

    [Fact]
    public async Task Insert_WhenTheCustomerBelongsToAnotherOrganization_IsRefusedByTheTenantForeignKey()
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(a, customerId: b.CustomerId),
            PostgresErrorCodes.ForeignKeyViolation, "fk_bookings_customers_organization_id_customer_id");
    }

    [Fact]
    public async Task Insert_WhenTheSessionBelongsToAnotherOrganization_IsRefusedByTheTenantForeignKey()
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(a, sessionId: b.SessionId),
            PostgresErrorCodes.ForeignKeyViolation, "fk_bookings_class_sessions_organization_id_session_id");
    }

    [Fact]
    public async Task Insert_WhenThePackOrMembershipBelongsToAnotherOrganization_IsRefusedByTheTenantForeignKey()
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(a, paymentMethod: "pack", packId: b.PackId, charged: true),
            PostgresErrorCodes.ForeignKeyViolation, "fk_bookings_class_packs_organization_id_pack_id");
        await ShouldBeRefusedAsync(() => _rows.BookingAsync(a, paymentMethod: "membership", membershipId: b.MembershipId, charged: true),
            PostgresErrorCodes.ForeignKeyViolation, "fk_bookings_memberships_organization_id_membership_id");
    }

    [Fact]
    public async Task Insert_WhenTheOrganizationIsSwappedToMatchTheOtherRows_IsStillRefused()
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(a, organizationId: b.OrganizationId), PostgresErrorCodes.ForeignKeyViolation);
    }

    [Theory]
    [InlineData("status", "'pending'", "ck_bookings_status")]
    [InlineData("source", "'walk_in'", "ck_bookings_source")]
    [InlineData("payment_method", "'voucher'", "ck_bookings_payment_method")]
    public async Task Update_WhenAnEnumColumnGetsAnUnknownValue_IsRefusedByItsCheck(string column, string value, string constraint)
    {
        var booking = await _rows.BookingAsync(await _rows.TenantAsync());

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync($"UPDATE bookings SET {column} = {value} WHERE id = $1", booking),
            PostgresErrorCodes.CheckViolation, constraint);
    }

    [Fact]
    public async Task Insert_WhenThePaymentReferenceDoesNotMatchTheMethod_IsRefusedByThePaymentCheck()
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(tenant, paymentMethod: "pack"),
            PostgresErrorCodes.CheckViolation, "ck_bookings_payment_reference");
        await ShouldBeRefusedAsync(() => _rows.BookingAsync(tenant, paymentMethod: "membership"),
            PostgresErrorCodes.CheckViolation, "ck_bookings_payment_reference");
        await ShouldBeRefusedAsync(() => _rows.BookingAsync(tenant, paymentMethod: "drop_in", packId: tenant.PackId),
            PostgresErrorCodes.CheckViolation, "ck_bookings_payment_reference");
        await ShouldBeRefusedAsync(() => _rows.BookingAsync(tenant, paymentMethod: "pack", packId: tenant.PackId, membershipId: tenant.MembershipId),
            PostgresErrorCodes.CheckViolation, "ck_bookings_payment_reference");
    }

    [Theory]
    [InlineData("waitlisted", null)]
    [InlineData("waitlisted", 0)]
    [InlineData("confirmed", 1)]
    public async Task Insert_WhenTheWaitlistPositionDoesNotMatchTheStatus_IsRefusedByTheWaitlistCheck(string status, int? position)
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(tenant, status: status, waitlistPosition: position),
            PostgresErrorCodes.CheckViolation, "ck_bookings_waitlist_position");
    }

    [Theory]
    [InlineData("drop_in")]
    [InlineData("complimentary")]
    [InlineData("legacy_unknown")]
    public async Task Insert_WhenAPaymentThatSpendsNothingIsCharged_IsRefusedByTheChargedCheck(string method)
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.BookingAsync(tenant, paymentMethod: method, charged: true),
            PostgresErrorCodes.CheckViolation, "ck_bookings_charged");
    }

    [Fact]
    public async Task ChargedFor_OnlyOnAChargedMembershipBooking_IsAccepted_ElsewhereRefusedByTheChargedForCheck()
    {
        var tenant = await _rows.TenantAsync();
        var other = await _rows.TenantAsync();
        var membership = await _rows.BookingAsync(tenant, paymentMethod: "membership", membershipId: tenant.MembershipId, charged: true);
        var pack = await _rows.BookingAsync(other, paymentMethod: "pack", packId: other.PackId, charged: true);
        var refunded = await _rows.BookingAsync(other, status: "cancelled", paymentMethod: "membership", membershipId: other.MembershipId);
        const string keep = "UPDATE bookings SET charged_for = now() WHERE id = $1";

        (await _rows.ExecuteAsync(keep, membership)).Should().Be(1);
        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(keep, pack), PostgresErrorCodes.CheckViolation, "ck_bookings_charged_for");
        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(keep, refunded), PostgresErrorCodes.CheckViolation, "ck_bookings_charged_for");
    }
}
