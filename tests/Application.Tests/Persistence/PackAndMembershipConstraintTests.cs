using Npgsql;
using UnifiedCustomers.Testing;
using static UnifiedCustomers.Application.Tests.Persistence.PostgresAssertions;

namespace UnifiedCustomers.Application.Tests.Persistence;

public sealed class PackAndMembershipConstraintTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly Rows _rows = new(database.ConnectionString);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task Update_WhenCreditsRemainingStayBetweenZeroAndTheTotal_IsAccepted(int remaining)
    {
        var tenant = await _rows.TenantAsync();

        (await _rows.ExecuteAsync("UPDATE class_packs SET credits_remaining = $1 WHERE id = $2", remaining, tenant.PackId)).Should().Be(1);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public async Task Update_WhenCreditsRemainingLeaveZeroToTheTotal_IsRefusedByTheCreditsCheck(int remaining)
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync("UPDATE class_packs SET credits_remaining = $1 WHERE id = $2", remaining, tenant.PackId),
            PostgresErrorCodes.CheckViolation, "ck_class_packs_credits");
    }

    [Fact]
    public async Task Update_WhenTheLastCreditIsSpentTwice_IsRefusedByTheCreditsCheck()
    {
        var tenant = await _rows.TenantAsync();
        await _rows.ExecuteAsync("UPDATE class_packs SET credits_remaining = 0 WHERE id = $1", tenant.PackId);

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync("UPDATE class_packs SET credits_remaining = credits_remaining - 1 WHERE id = $1", tenant.PackId),
            PostgresErrorCodes.CheckViolation, "ck_class_packs_credits");
    }

    [Theory]
    [InlineData("UPDATE memberships SET status = 'frozen' WHERE organization_id = $1", "ck_memberships_status")]
    [InlineData("UPDATE memberships SET end_date = DATE '2026-05-31' WHERE organization_id = $1", "ck_memberships_dates")]
    [InlineData("UPDATE memberships SET allowance_period = 'week' WHERE organization_id = $1", "ck_memberships_allowance")]
    [InlineData("UPDATE membership_plans SET allowance_period = 'month' WHERE organization_id = $1", "ck_membership_plans_allowance")]
    [InlineData("UPDATE memberships SET allowance_period = 'fortnight', allowance_classes = 2 WHERE organization_id = $1", "ck_memberships_allowance_period")]
    [InlineData("UPDATE class_packs SET status = 'frozen' WHERE organization_id = $1", "ck_class_packs_status")]
    [InlineData("UPDATE class_sessions SET status = 'postponed' WHERE organization_id = $1", "ck_class_sessions_status")]
    [InlineData("UPDATE class_sessions SET ends_at = starts_at WHERE organization_id = $1", "ck_class_sessions_times")]
    [InlineData("UPDATE class_sessions SET capacity = 0 WHERE organization_id = $1", "ck_class_sessions_capacity")]
    [InlineData("UPDATE membership_plans SET allowance_classes = 3 WHERE organization_id = $1", "ck_membership_plans_allowance")]
    [InlineData("UPDATE pack_products SET credits = 0 WHERE organization_id = $1", "ck_pack_products_credits")]
    [InlineData("UPDATE organizations SET country = 'gb' WHERE id = $1", "ck_organizations_country")]
    public async Task Update_WhenAValueBreaksATableCheck_IsRefusedByThatCheck(string sql, string constraint)
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(sql, tenant.OrganizationId), PostgresErrorCodes.CheckViolation, constraint);
    }

    [Theory]
    [InlineData("UPDATE class_packs SET customer_id = $2 WHERE id = $1", "fk_class_packs_customers_organization_id_customer_id")]
    [InlineData("UPDATE memberships SET customer_id = $2 WHERE id = $1", "fk_memberships_customers_organization_id_customer_id")]
    public async Task Update_WhenAPackOrMembershipMovesToAnotherOrganizationsCustomer_IsRefusedByTheTenantForeignKey(string sql, string constraint)
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();
        var row = sql.Contains("class_packs", StringComparison.Ordinal) ? a.PackId : a.MembershipId;

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(sql, row, b.CustomerId), PostgresErrorCodes.ForeignKeyViolation, constraint);
    }

    [Fact]
    public async Task Update_WhenASessionMovesToAnotherOrganizationsClassType_IsRefusedByTheTenantForeignKey()
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(
                "UPDATE class_sessions SET class_type_id = (SELECT class_type_id FROM class_sessions WHERE id = $2) WHERE id = $1", a.SessionId, b.SessionId),
            PostgresErrorCodes.ForeignKeyViolation, "fk_class_sessions_class_types_organization_id_class_type_id");
    }
}
