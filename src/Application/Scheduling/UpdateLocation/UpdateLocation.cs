using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.UpdateLocation;

/// <summary>Renames, deactivates or reactivates a location (a merge patch: fields left out stay as they are).</summary>
/// <param name="IsActive">false: no new session can be held there; the sessions it has stay there</param>
public sealed record UpdateLocationCommand(Guid OrganizationId, Guid LocationId, Optional<string?> Name, Optional<bool?> IsActive)
    : ITenantCommand<Result<LocationResponse>>, IScheduleResourcePatch;

internal sealed class UpdateLocationValidator() : ScheduleResourcePatchValidator<UpdateLocationCommand>(c => c.LocationId, ScheduleResourceKind.Location);

internal sealed class UpdateLocationHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : UpdateScheduleResourceHandler<UpdateLocationCommand, Location, LocationResponse>(db.Locations, mapping, c => c.LocationId, ScheduleResourceKind.Location);
