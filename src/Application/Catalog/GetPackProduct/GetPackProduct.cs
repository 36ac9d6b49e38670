using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Catalog.GetPackProduct;

public sealed record GetPackProductQuery(Guid OrganizationId, Guid ProductId) : ITenantQuery<Result<PackProductResponse>>;

internal sealed class GetPackProductValidator : AbstractValidator<GetPackProductQuery>
{
    public GetPackProductValidator() => RuleFor(q => q.ProductId).NotEmpty().WithMessage("Name the pack product.");
}

internal sealed class GetPackProductHandler(IAppDbContext db, TypeAdapterConfig mapping) : IQueryHandler<GetPackProductQuery, Result<PackProductResponse>>
{
    public async ValueTask<Result<PackProductResponse>> Handle(GetPackProductQuery query, CancellationToken ct)
    {
        var product = await db.PackProducts.AsNoTracking()
            .Where(t => t.OrganizationId == query.OrganizationId && t.Id == query.ProductId)
            .ProjectToType<PackProductResponse>(mapping)
            .FirstOrDefaultAsync(ct);
        return product is null ? PackErrors.ProductNotFound : product;
    }
}
