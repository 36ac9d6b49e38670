using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Catalog.ListPackProducts;

/// <summary>The organization's class packs for sale, by name.</summary>
public sealed record ListPackProductsQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<PackProductResponse>>>;

internal sealed class ListPackProductsHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : ListByNameHandler<ListPackProductsQuery, PackProduct, PackProductResponse>(db.PackProducts, mapping, p => p.Name);
