using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.ListLocations;

/// <summary>The organization's locations by name, deactivated ones included (the sessions held there keep them).</summary>
public sealed record ListLocationsQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<LocationResponse>>>;

internal sealed class ListLocationsHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : ListByNameHandler<ListLocationsQuery, Location, LocationResponse>(db.Locations, mapping, l => l.Name);
