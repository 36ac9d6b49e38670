using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.GetLocation;

public sealed record GetLocationQuery(Guid OrganizationId, Guid LocationId) : ITenantQuery<Result<LocationResponse>>;

internal sealed class GetLocationValidator() : IdRequiredValidator<GetLocationQuery>(q => q.LocationId, "Name the location.");

internal sealed class GetLocationHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : FindByIdHandler<GetLocationQuery, Location, LocationResponse>(db.Locations, mapping, q => q.LocationId, LocationErrors.NotFound);
