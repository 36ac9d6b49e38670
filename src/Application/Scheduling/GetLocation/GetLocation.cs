using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.GetLocation;

public sealed record GetLocationQuery(Guid OrganizationId, Guid LocationId) : ITenantQuery<Result<LocationResponse>>;

internal sealed class GetLocationValidator : AbstractValidator<GetLocationQuery>
{
    public GetLocationValidator() => RuleFor(q => q.LocationId).NotEmpty().WithMessage("Name the location.");
}

internal sealed class GetLocationHandler(IAppDbContext db, TypeAdapterConfig mapping) : IQueryHandler<GetLocationQuery, Result<LocationResponse>>
{
    public async ValueTask<Result<LocationResponse>> Handle(GetLocationQuery query, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking()
            .Where(i => i.OrganizationId == query.OrganizationId && i.Id == query.LocationId)
            .ProjectToType<LocationResponse>(mapping)
            .FirstOrDefaultAsync(ct);
        return location is null ? LocationErrors.NotFound : location;
    }
}
