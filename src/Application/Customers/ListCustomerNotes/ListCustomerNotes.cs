using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.ListCustomerNotes;

/// <summary>A customer's notes, newest first.</summary>
public sealed record ListCustomerNotesQuery(Guid OrganizationId, Guid CustomerId) : ITenantQuery<Result<IReadOnlyList<CustomerNoteResponse>>>;

internal sealed class ListCustomerNotesValidator : AbstractValidator<ListCustomerNotesQuery>
{
    public ListCustomerNotesValidator() => RuleFor(q => q.CustomerId).NotEmpty().WithMessage("Name the customer.");
}

internal sealed class ListCustomerNotesHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : IQueryHandler<ListCustomerNotesQuery, Result<IReadOnlyList<CustomerNoteResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<CustomerNoteResponse>>> Handle(ListCustomerNotesQuery query, CancellationToken ct)
    {
        if (!await db.Customers.ExistsAsync(query.CustomerId, ct))
            return CustomerErrors.NotFound;
        var notes = await db.CustomerNotes.AsNoTracking()
            .Where(n => n.CustomerId == query.CustomerId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .ProjectToType<CustomerNoteResponse>(mapping)
            .ToListAsync(ct);
        return Result.Success<IReadOnlyList<CustomerNoteResponse>>(notes);
    }
}
