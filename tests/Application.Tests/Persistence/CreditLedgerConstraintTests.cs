using Npgsql;
using UnifiedCustomers.Testing;
using static UnifiedCustomers.Application.Tests.Persistence.PostgresAssertions;

namespace UnifiedCustomers.Application.Tests.Persistence;

public sealed class CreditLedgerConstraintTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly Rows _rows = new(database.ConnectionString);

    [Fact]
    public async Task Insert_WhenTheRowIsValid_IsAccepted()
    {
        var (tenant, _) = await EntryAsync();

        (await _rows.ExecuteAsync("SELECT 1 FROM credit_ledger WHERE organization_id = $1", tenant.OrganizationId)).Should().NotBe(0);
    }

    [Fact]
    public async Task Delete_Always_IsRefusedByTheAppendOnlyTrigger()
    {
        var (_, entry) = await EntryAsync();

        var refusal = await ShouldBeRefusedAsync(() => _rows.ExecuteAsync("DELETE FROM credit_ledger WHERE id = $1", entry),
            PostgresErrorCodes.IntegrityConstraintViolation);

        refusal.MessageText.Should().Contain("append-only");
    }

    [Theory]
    [InlineData("delta = 1")]
    [InlineData("reason = 'promoted'")]
    [InlineData("at = at + interval '1 hour'")]
    [InlineData("pack_id = NULL, membership_id = (SELECT id FROM memberships LIMIT 1)")]
    public async Task Update_WhenAnythingButTheCustomerChanges_IsRefusedByTheAppendOnlyTrigger(string change)
    {
        var (_, entry) = await EntryAsync();

        var refusal = await ShouldBeRefusedAsync(() => _rows.ExecuteAsync($"UPDATE credit_ledger SET {change} WHERE id = $1", entry),
            PostgresErrorCodes.IntegrityConstraintViolation);

        refusal.MessageText.Should().Contain("append-only");
    }

    [Fact]
    public async Task Update_WhenOnlyTheCustomerChanges_IsAcceptedSoAMergeCanMoveTheRow()
    {
        var (tenant, entry) = await EntryAsync();
        var survivor = await _rows.CustomerAsync(tenant.OrganizationId);

        (await _rows.ExecuteAsync("UPDATE credit_ledger SET customer_id = $2 WHERE id = $1", entry, survivor)).Should().Be(1);
    }

    [Fact]
    public async Task Update_WhenTheCustomerMovesToAnotherOrganization_IsRefusedByTheTenantForeignKey()
    {
        var (_, entry) = await EntryAsync();
        var other = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync("UPDATE credit_ledger SET customer_id = $2 WHERE id = $1", entry, other.CustomerId),
            PostgresErrorCodes.ForeignKeyViolation, "fk_credit_ledger_customers_organization_id_customer_id");
    }

    [Fact]
    public async Task Insert_WhenTheDeltaIsNotOneCredit_IsRefusedByTheDeltaCheck()
    {
        var tenant = await _rows.TenantAsync();
        var booking = await _rows.BookingAsync(tenant, paymentMethod: "pack", packId: tenant.PackId, charged: true);

        await ShouldBeRefusedAsync(() => _rows.LedgerAsync(tenant, booking, delta: -2, packId: tenant.PackId),
            PostgresErrorCodes.CheckViolation, "ck_credit_ledger_delta");
    }

    [Fact]
    public async Task Insert_WhenNotExactlyOneOfMembershipAndPack_IsRefusedByTheTargetCheck()
    {
        var tenant = await _rows.TenantAsync();
        var booking = await _rows.BookingAsync(tenant, paymentMethod: "pack", packId: tenant.PackId, charged: true);

        await ShouldBeRefusedAsync(() => _rows.LedgerAsync(tenant, booking),
            PostgresErrorCodes.CheckViolation, "ck_credit_ledger_target");
        await ShouldBeRefusedAsync(() => _rows.LedgerAsync(tenant, booking, membershipId: tenant.MembershipId, packId: tenant.PackId),
            PostgresErrorCodes.CheckViolation, "ck_credit_ledger_target");
    }

    [Fact]
    public async Task Insert_WhenTheBookingBelongsToAnotherOrganization_IsRefusedByTheTenantForeignKey()
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();
        var bookingOfB = await _rows.BookingAsync(b);

        await ShouldBeRefusedAsync(() => _rows.LedgerAsync(a, bookingOfB, packId: a.PackId),
            PostgresErrorCodes.ForeignKeyViolation, "fk_credit_ledger_bookings_organization_id_booking_id");
    }

    private async Task<(Tenant Tenant, Guid Entry)> EntryAsync()
    {
        var tenant = await _rows.TenantAsync();
        var booking = await _rows.BookingAsync(tenant, paymentMethod: "pack", packId: tenant.PackId, charged: true);
        return (tenant, await _rows.LedgerAsync(tenant, booking, packId: tenant.PackId));
    }
}
