using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Catalog.GetClassType;

public sealed record GetClassTypeQuery(Guid OrganizationId, Guid ClassTypeId) : ITenantQuery<Result<ClassTypeResponse>>;

internal sealed class GetClassTypeValidator : AbstractValidator<GetClassTypeQuery>
{
    public GetClassTypeValidator() => RuleFor(q => q.ClassTypeId).NotEmpty().WithMessage("Name the class type.");
}

internal sealed class GetClassTypeHandler(IAppDbContext db, TypeAdapterConfig mapping) : IQueryHandler<GetClassTypeQuery, Result<ClassTypeResponse>>
{
    public async ValueTask<Result<ClassTypeResponse>> Handle(GetClassTypeQuery query, CancellationToken ct)
    {
        var type = await db.ClassTypes.AsNoTracking()
            .Where(t => t.OrganizationId == query.OrganizationId && t.Id == query.ClassTypeId)
            .ProjectToType<ClassTypeResponse>(mapping)
            .FirstOrDefaultAsync(ct);
        return type is null ? SessionErrors.ClassTypeNotFound : type;
    }
}
