using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.RestoreCustomer;

/// <summary>Back from the archive, with the status their purchases give them today.</summary>
public sealed record RestoreCustomerCommand(Guid OrganizationId, Guid CustomerId) : ITenantCommand<Result<CustomerResponse>>, IOrganizationRequest;

internal sealed class RestoreCustomerValidator : AbstractValidator<RestoreCustomerCommand>
{
    public RestoreCustomerValidator() => RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
}

internal sealed class RestoreCustomerHandler(CurrentOrganization current, IAppDbContext db, IRowLocks locks, CustomerLifecycle lifecycle, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<RestoreCustomerCommand, Result<CustomerResponse>>
{
    public async ValueTask<Result<CustomerResponse>> Handle(RestoreCustomerCommand command, CancellationToken ct)
    {
        var organization = current.Organization;
        if (!await locks.LockCustomerAsync(organization.Id, command.CustomerId, ct)) return CustomerErrors.NotFound;
        var customer = await db.Customers.SingleAsync(c => c.Id == command.CustomerId, ct);

        var restored = customer.Restore(await lifecycle.EvidenceAsync(organization, customer.Id, CustomerLifecycle.Sold.Nothing, ct), clock.GetUtcNow());
        if (restored.IsFailure) return restored.Error!;
        // While archived, someone else may have registered with this email.
        return (await db.Customers.EnsureEmailFreeAsync(customer, ct)).Map(() => customer.Adapt<CustomerResponse>(mapping));
    }
}
