using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Catalog.ListPackProducts;

/// <summary>The organization's class packs for sale, by name.</summary>
public sealed record ListPackProductsQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<PackProductResponse>>>;

internal sealed class ListPackProductsHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : IQueryHandler<ListPackProductsQuery, Result<IReadOnlyList<PackProductResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<PackProductResponse>>> Handle(ListPackProductsQuery query, CancellationToken ct)
    {
        var products = await db.PackProducts.AsNoTracking()
            .Where(p => p.OrganizationId == query.OrganizationId)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .ProjectToType<PackProductResponse>(mapping)
            .ToListAsync(ct);
        return Result.Success<IReadOnlyList<PackProductResponse>>(products);
    }
}
