using Npgsql;
using UnifiedCustomers.Testing;
using static UnifiedCustomers.Application.Tests.Persistence.PostgresAssertions;

namespace UnifiedCustomers.Application.Tests.Persistence;

public sealed class CustomerConstraintTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly Rows _rows = new(database.ConnectionString);

    [Fact]
    public async Task Insert_WhenAnActiveCustomerOfTheOrganizationHasTheEmail_IsRefusedByTheEmailIndex()
    {
        var tenant = await _rows.TenantAsync();
        await _rows.CustomerAsync(tenant.OrganizationId, "ada@example.com", "member");

        await ShouldBeRefusedAsync(() => _rows.CustomerAsync(tenant.OrganizationId, "ada@example.com", "lead"),
            PostgresErrorCodes.UniqueViolation, "ux_customers_email_per_organization");
    }

    [Fact]
    public async Task Insert_WhenOnlyArchivedCustomersHaveTheEmail_IsAccepted()
    {
        var tenant = await _rows.TenantAsync();
        await _rows.CustomerAsync(tenant.OrganizationId, "ada@example.com", "archived");
        await _rows.CustomerAsync(tenant.OrganizationId, "ada@example.com", "archived");

        await _rows.CustomerAsync(tenant.OrganizationId, "ada@example.com", "lead");
    }

    [Fact]
    public async Task Insert_WhenACustomerOfAnotherOrganizationHasTheEmail_IsAccepted()
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();
        await _rows.CustomerAsync(a.OrganizationId, "ada@example.com", "member");

        await _rows.CustomerAsync(b.OrganizationId, "ada@example.com", "member");
    }

    [Fact]
    public async Task Restore_WhenAnotherActiveCustomerTookTheEmailMeanwhile_IsRefusedByTheEmailIndex()
    {
        var tenant = await _rows.TenantAsync();
        var archived = await _rows.CustomerAsync(tenant.OrganizationId, "ada@example.com", "archived");
        await _rows.CustomerAsync(tenant.OrganizationId, "ada@example.com", "lead");

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync("UPDATE customers SET lifecycle_status = 'lead' WHERE id = $1", archived),
            PostgresErrorCodes.UniqueViolation, "ux_customers_email_per_organization");
    }

    [Fact]
    public async Task Insert_WhenCustomersHaveNoEmail_AcceptsAnyNumber()
    {
        var tenant = await _rows.TenantAsync();

        await _rows.CustomerAsync(tenant.OrganizationId);
        await _rows.CustomerAsync(tenant.OrganizationId);
    }

    [Theory]
    [InlineData("Ada@example.com")]
    [InlineData("ada @example.com")]
    [InlineData("")]
    public async Task Insert_WhenTheEmailIsNotNormalised_IsRefusedByTheEmailCheck(string email)
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.CustomerAsync(tenant.OrganizationId, email),
            PostgresErrorCodes.CheckViolation, "ck_customers_email_normalized");
    }

    [Fact]
    public async Task Insert_WhenTheLifecycleStatusIsUnknown_IsRefusedByTheStatusCheck()
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.CustomerAsync(tenant.OrganizationId, status: "prospect"),
            PostgresErrorCodes.CheckViolation, "ck_customers_lifecycle_status");
    }

    [Fact]
    public async Task Insert_WhenBothNamesAreEmpty_IsRefusedByTheNameCheck()
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(
                """
                INSERT INTO customers (id, organization_id, first_name, last_name, source, lifecycle_status, created_at, updated_at)
                VALUES ($1, $2, '', '', 'manual', 'lead', now(), now())
                """,
                Guid.NewGuid(), tenant.OrganizationId),
            PostgresErrorCodes.CheckViolation, "ck_customers_name");
    }

    [Fact]
    public async Task Insert_WhenMergedButNotArchived_IsRefusedByTheMergedIsArchivedCheck()
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.CustomerAsync(tenant.OrganizationId, status: "member", mergedInto: tenant.CustomerId),
            PostgresErrorCodes.CheckViolation, "ck_customers_merged_is_archived");
    }

    [Fact]
    public async Task Insert_WhenMergedAndArchived_IsAccepted()
    {
        var tenant = await _rows.TenantAsync();

        await _rows.CustomerAsync(tenant.OrganizationId, status: "archived", mergedInto: tenant.CustomerId);
    }

    [Fact]
    public async Task Insert_WhenMergedIntoACustomerOfAnotherOrganization_IsRefusedByTheTenantForeignKey()
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.CustomerAsync(a.OrganizationId, status: "archived", mergedInto: b.CustomerId),
            PostgresErrorCodes.ForeignKeyViolation, "fk_customers_customers_organization_id_merged_into_id");
    }

    [Fact]
    public async Task Insert_WhenAStatusChangeNamesAnUnknownStatus_IsRefusedByItsCheck()
    {
        var tenant = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(
                "INSERT INTO customer_status_changes (id, customer_id, organization_id, \"from\", \"to\", cause, at) VALUES ($1, $2, $3, 'lead', 'vip', 'x', now())",
                Guid.NewGuid(), tenant.CustomerId, tenant.OrganizationId),
            PostgresErrorCodes.CheckViolation, "ck_customer_status_changes_to");
    }

    [Fact]
    public async Task Insert_WhenANoteOrStatusChangePointsAtAnotherOrganizationsCustomer_IsRefusedByTheTenantForeignKey()
    {
        var a = await _rows.TenantAsync();
        var b = await _rows.TenantAsync();

        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(
                "INSERT INTO customer_notes (id, organization_id, customer_id, content, created_at) VALUES ($1, $2, $3, 'note', now())",
                Guid.NewGuid(), a.OrganizationId, b.CustomerId),
            PostgresErrorCodes.ForeignKeyViolation, "fk_customer_notes_customers_organization_id_customer_id");
        await ShouldBeRefusedAsync(() => _rows.ExecuteAsync(
                "INSERT INTO customer_status_changes (id, customer_id, organization_id, \"to\", cause, at) VALUES ($1, $2, $3, 'lead', 'x', now())",
                Guid.NewGuid(), b.CustomerId, a.OrganizationId),
            PostgresErrorCodes.ForeignKeyViolation);
    }
}
