using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.GetCustomerStatusHistory;

/// <summary>Every lifecycle status the customer had, oldest first, with what caused each change.</summary>
public sealed record GetCustomerStatusHistoryQuery(Guid OrganizationId, Guid CustomerId) : ITenantQuery<Result<IReadOnlyList<CustomerStatusChangeResponse>>>;

internal sealed class GetCustomerStatusHistoryValidator : AbstractValidator<GetCustomerStatusHistoryQuery>
{
    public GetCustomerStatusHistoryValidator() => RuleFor(q => q.CustomerId).NotEmpty().WithMessage("Name the customer.");
}

internal sealed class GetCustomerStatusHistoryHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : IQueryHandler<GetCustomerStatusHistoryQuery, Result<IReadOnlyList<CustomerStatusChangeResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<CustomerStatusChangeResponse>>> Handle(GetCustomerStatusHistoryQuery query, CancellationToken ct)
    {
        if (!await db.Customers.ExistsAsync(query.CustomerId, ct))
            return CustomerErrors.NotFound;
        var history = await db.CustomerStatusChanges.AsNoTracking()
            .Where(h => h.CustomerId == query.CustomerId)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .ProjectToType<CustomerStatusChangeResponse>(mapping)
            .ToListAsync(ct);
        return Result.Success<IReadOnlyList<CustomerStatusChangeResponse>>(history);
    }
}
