using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Catalog.GetPackProduct;

public sealed record GetPackProductQuery(Guid OrganizationId, Guid ProductId) : ITenantQuery<Result<PackProductResponse>>;

internal sealed class GetPackProductValidator() : IdRequiredValidator<GetPackProductQuery>(q => q.ProductId, "Name the pack product.");

internal sealed class GetPackProductHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : FindByIdHandler<GetPackProductQuery, PackProduct, PackProductResponse>(db.PackProducts, mapping, q => q.ProductId, PackErrors.ProductNotFound);
