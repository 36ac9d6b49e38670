using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.FindCustomerByLegacyId;

/// <summary>The customer an id of the old system (a lead's or a client's, from any legacy table) became.</summary>
public sealed record FindCustomerByLegacyIdQuery(Guid OrganizationId, Guid LegacyId) : ITenantQuery<Result<FindCustomerByLegacyIdResponse>>;

/// <param name="SourceTable">the legacy table the id came from</param>
/// <param name="Outcome">"migrated" (became this customer) or "merged" (folded into another legacy row's customer)</param>
/// <param name="MappedCustomerId">the customer the consolidation wrote; <paramref name="Customer"/> differs when that one was merged since</param>
public sealed record FindCustomerByLegacyIdResponse(string SourceTable, Guid LegacyId, string Outcome, Guid MappedCustomerId, CustomerResponse Customer);

internal sealed class FindCustomerByLegacyIdValidator : AbstractValidator<FindCustomerByLegacyIdQuery>
{
    public FindCustomerByLegacyIdValidator() => RuleFor(q => q.LegacyId).NotEmpty().WithMessage("Give the legacy id.");
}

internal sealed class FindCustomerByLegacyIdHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : IQueryHandler<FindCustomerByLegacyIdQuery, Result<FindCustomerByLegacyIdResponse>>
{
    private const string CustomersTable = "customers";
    /// <summary>Merges chain (A into B, later B into C); a cycle would be a bug, so the walk is bounded.</summary>
    private const int MaxMergeHops = 32;

    public async ValueTask<Result<FindCustomerByLegacyIdResponse>> Handle(FindCustomerByLegacyIdQuery query, CancellationToken ct)
    {
        // legacy_id_map has no organization: the join to customers (filtered to this one) keeps the answer inside it.
        var entry = await (
                from map in db.LegacyIdMap.AsNoTracking()
                join customer in db.Customers on map.TargetId equals customer.Id
                where map.LegacyId == query.LegacyId && map.TargetTable == CustomersTable
                orderby map.SourceTable
                select new { map.SourceTable, map.LegacyId, map.Outcome, map.TargetId })
            .FirstOrDefaultAsync(ct);
        if (entry is null) return CustomerErrors.LegacyIdNotFound;

        var customerId = entry.TargetId;
        for (var hop = 0; hop < MaxMergeHops; hop++)
        {
            var mergedInto = await db.Customers
                .Where(c => c.Id == customerId)
                .Select(c => c.MergedIntoId)
                .SingleAsync(ct);
            if (mergedInto is null) break;
            customerId = mergedInto.Value;
        }
        var current = await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .ProjectToType<CustomerResponse>(mapping)
            .SingleAsync(ct);
        return new FindCustomerByLegacyIdResponse(entry.SourceTable, entry.LegacyId, entry.Outcome, entry.TargetId, current);
    }
}
