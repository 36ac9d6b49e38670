using System.ComponentModel;

namespace UnifiedCustomers.Api.Scheduling;

internal sealed record CreateInstructorRequest(string Name);

internal sealed record CreateLocationRequest(string Name);

/// <summary>A merge patch of an instructor or a location: members left out stay as they are.</summary>
/// <param name="IsActive">false: no new session can be given to it; the sessions it has keep it</param>
internal sealed record UpdateScheduleResourceRequest
{
    [Description("Left out: unchanged. Cannot be null; unique in the organization.")]
    public string? Name { get; init; }
    [Description("Left out: unchanged. false: no new session can be given to it; the sessions it has keep it. Cannot be null.")]
    public bool? IsActive { get; init; }
}

/// <summary>Instructors and locations: the organization's own lists that sessions point at (never deleted, deactivated instead).</summary>
internal static class ScheduleResourcesEndpoints
{
    public static RouteGroupBuilder MapScheduleResources(this RouteGroupBuilder api)
    {
        var instructors = api.MapGroup("/instructors").WithTags("Instructors and locations");
        instructors.MapPost("/", (CreateInstructorRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new CreateInstructorCommand(tenant.OrganizationId, request.Name), i => $"/api/v1/instructors/{i.Id}", ct))
            .Creates<InstructorResponse>("CreateInstructor", "Add an instructor (names are unique in the studio)", 409);
        instructors.MapGet("/", (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new ListInstructorsQuery(tenant.OrganizationId), ct))
            .Answers<IReadOnlyList<InstructorResponse>>("ListInstructors", "The studio's instructors by name, deactivated ones included");
        instructors.MapGet("/{instructorId}", (Guid instructorId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetInstructorQuery(tenant.OrganizationId, instructorId), ct))
            .Answers<InstructorResponse>("GetInstructor", "An instructor", 404);
        instructors.MapPatch("/{instructorId}", (Guid instructorId, HttpRequest http, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendPatch(http, (MergePatchBody<UpdateScheduleResourceRequest> p) => new UpdateInstructorCommand(
                    tenant.OrganizationId, instructorId, p.Field("name", p.Body.Name), p.Field("isActive", p.Body.IsActive)), ct))
            .Patches<UpdateScheduleResourceRequest, InstructorResponse>("UpdateInstructor",
                "Rename, deactivate or reactivate an instructor (JSON Merge Patch)", 404, 409);

        var locations = api.MapGroup("/locations").WithTags("Instructors and locations");
        locations.MapPost("/", (CreateLocationRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new CreateLocationCommand(tenant.OrganizationId, request.Name), l => $"/api/v1/locations/{l.Id}", ct))
            .Creates<LocationResponse>("CreateLocation", "Add a location: a room or place where classes are held (names are unique in the studio)", 409);
        locations.MapGet("/", (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new ListLocationsQuery(tenant.OrganizationId), ct))
            .Answers<IReadOnlyList<LocationResponse>>("ListLocations", "The studio's locations by name, deactivated ones included");
        locations.MapGet("/{locationId}", (Guid locationId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetLocationQuery(tenant.OrganizationId, locationId), ct))
            .Answers<LocationResponse>("GetLocation", "A location", 404);
        locations.MapPatch("/{locationId}", (Guid locationId, HttpRequest http, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendPatch(http, (MergePatchBody<UpdateScheduleResourceRequest> p) => new UpdateLocationCommand(
                    tenant.OrganizationId, locationId, p.Field("name", p.Body.Name), p.Field("isActive", p.Body.IsActive)), ct))
            .Patches<UpdateScheduleResourceRequest, LocationResponse>("UpdateLocation", "Rename, deactivate or reactivate a location (JSON Merge Patch)", 404, 409);

        return api;
    }
}
