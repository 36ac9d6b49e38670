using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Scheduling.ListLocations;

/// <summary>The organization's locations by name, deactivated ones included (the sessions held there keep them).</summary>
public sealed record ListLocationsQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<LocationResponse>>>;

internal sealed class ListLocationsHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : IQueryHandler<ListLocationsQuery, Result<IReadOnlyList<LocationResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<LocationResponse>>> Handle(ListLocationsQuery query, CancellationToken ct)
    {
        var locations = await db.Locations.AsNoTracking()
            .Where(i => i.OrganizationId == query.OrganizationId)
            .OrderBy(i => i.Name).ThenBy(i => i.Id)
            .ProjectToType<LocationResponse>(mapping)
            .ToListAsync(ct);
        return Result.Success<IReadOnlyList<LocationResponse>>(locations);
    }
}
