using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.CreateLocation;

/// <summary>Adds a room or place where classes are held; names are unique in the organization.</summary>
public sealed record CreateLocationCommand(Guid OrganizationId, string Name) : ITenantCommand<Result<LocationResponse>>, IOrganizationRequest, INewScheduleResource;

internal sealed class CreateLocationValidator() : NewScheduleResourceValidator<CreateLocationCommand>(ScheduleResourceKind.Location);

internal sealed class CreateLocationHandler(IAppDbContext db, TypeAdapterConfig mapping, TimeProvider clock)
    : CreateScheduleResourceHandler<CreateLocationCommand, Location, LocationResponse>(
        db.Locations, mapping, clock, (c, now) => Location.Create(c.OrganizationId, c.Name, now), ScheduleResourceKind.Location);
