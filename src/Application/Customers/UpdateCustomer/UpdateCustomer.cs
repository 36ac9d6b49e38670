using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.UpdateCustomer;

/// <summary>Replaces the person's details; the lifecycle status is not theirs to set (it follows purchases).</summary>
/// <param name="Notes">null keeps the current notes</param>
public sealed record UpdateCustomerCommand(
    Guid OrganizationId,
    Guid CustomerId,
    string? FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    string? Source = null,
    [property: FreeText] string? Notes = null) : ITenantCommand<Result<CustomerResponse>>, IOrganizationRequest, ICustomerDetails;

internal sealed class UpdateCustomerValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
        Include(new CustomerDetailsValidator());
        RuleFor(c => c.Notes).MaximumLength(Customer.NotesMaxLength).WithMessage($"Notes are at most {Customer.NotesMaxLength} characters.");
    }
}

internal sealed class UpdateCustomerHandler(CurrentOrganization current, IAppDbContext db, IRowLocks locks, IPhoneNormalizer phones, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<UpdateCustomerCommand, Result<CustomerResponse>>
{
    public async ValueTask<Result<CustomerResponse>> Handle(UpdateCustomerCommand command, CancellationToken ct)
    {
        var organization = current.Organization;
        if (!await locks.LockCustomerAsync(organization.Id, command.CustomerId, ct)) return CustomerErrors.NotFound;
        var customer = await db.Customers.SingleAsync(c => c.Id == command.CustomerId, ct);

        var updated = customer.UpdateDetails(
            command.FirstName, command.LastName, command.Email, phones.Normalize(command.Phone, organization.Country),
            command.Source, command.Notes, clock.GetUtcNow());
        if (updated.IsFailure) return updated.Error!;
        return (await db.Customers.EnsureEmailFreeAsync(customer, ct)).Map(() => customer.Adapt<CustomerResponse>(mapping));
    }
}
