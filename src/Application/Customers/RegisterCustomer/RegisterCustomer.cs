using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.RegisterCustomer;

/// <param name="Phone">stored in E.164 when it parses for the organization's country, else as written</param>
/// <param name="Source">where the person came from (website, walk-in); "manual" when not given</param>
public sealed record RegisterCustomerCommand(
    Guid OrganizationId,
    string? FirstName,
    string? LastName,
    string? Email = null,
    string? Phone = null,
    string? Source = null) : ITenantCommand<Result<CustomerResponse>>, IOrganizationRequest, ICustomerDetails;

internal sealed class RegisterCustomerValidator : AbstractValidator<RegisterCustomerCommand>
{
    public RegisterCustomerValidator() => Include(new CustomerDetailsValidator());
}

internal sealed class RegisterCustomerHandler(CurrentOrganization current, IAppDbContext db, IPhoneNormalizer phones, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<RegisterCustomerCommand, Result<CustomerResponse>>
{
    public async ValueTask<Result<CustomerResponse>> Handle(RegisterCustomerCommand command, CancellationToken ct)
    {
        var organization = current.Organization;

        var registered = Customer.Register(
            organization.Id, command.FirstName, command.LastName, command.Email, phones.Normalize(command.Phone, organization.Country),
            command.Source, clock.GetUtcNow());
        if (registered.IsFailure) return registered.Error!;
        var customer = registered.Value;
        return (await db.Customers.EnsureEmailFreeAsync(customer, ct))
            .Tap(() => db.Customers.Add(customer))
            .Map(() => customer.Adapt<CustomerResponse>(mapping));
    }
}
