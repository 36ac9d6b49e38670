using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Catalog.ListClassTypes;

/// <summary>The organization's class types by name.</summary>
public sealed record ListClassTypesQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<ClassTypeResponse>>>;

internal sealed class ListClassTypesHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : IQueryHandler<ListClassTypesQuery, Result<IReadOnlyList<ClassTypeResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<ClassTypeResponse>>> Handle(ListClassTypesQuery query, CancellationToken ct)
    {
        var types = await db.ClassTypes.AsNoTracking()
            .Where(t => t.OrganizationId == query.OrganizationId)
            .OrderBy(t => t.Name).ThenBy(t => t.Id)
            .ProjectToType<ClassTypeResponse>(mapping)
            .ToListAsync(ct);
        return Result.Success<IReadOnlyList<ClassTypeResponse>>(types);
    }
}
