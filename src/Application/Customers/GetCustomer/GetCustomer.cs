using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.GetCustomer;

public sealed record GetCustomerQuery(Guid OrganizationId, Guid CustomerId) : ITenantQuery<Result<CustomerResponse>>;

internal sealed class GetCustomerValidator : AbstractValidator<GetCustomerQuery>
{
    public GetCustomerValidator() => RuleFor(q => q.CustomerId).NotEmpty().WithMessage("Name the customer.");
}

internal sealed class GetCustomerHandler(IAppDbContext db, TypeAdapterConfig mapping) : IQueryHandler<GetCustomerQuery, Result<CustomerResponse>>
{
    public async ValueTask<Result<CustomerResponse>> Handle(GetCustomerQuery query, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Id == query.CustomerId)
            .ProjectToType<CustomerResponse>(mapping)
            .FirstOrDefaultAsync(ct);
        return customer is null ? CustomerErrors.NotFound : customer;
    }
}
