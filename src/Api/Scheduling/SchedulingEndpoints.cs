using System.ComponentModel;

namespace UnifiedCustomers.Api.Scheduling;

/// <param name="EndsAt">defaults to the class type's duration</param>
/// <param name="Capacity">defaults to the class type's capacity</param>
/// <param name="InstructorId">an active instructor (GET /api/v1/instructors)</param>
/// <param name="LocationId">an active location (GET /api/v1/locations)</param>
internal sealed record ScheduleSessionRequest(
    Guid ClassTypeId, DateTimeOffset StartsAt, DateTimeOffset? EndsAt = null, int? Capacity = null, Guid? InstructorId = null, Guid? LocationId = null);

/// <summary>A merge patch of a session: members left out stay as they are; null clears the instructor or the location.</summary>
/// <param name="StartsAt">reschedule: the new start (bookings are kept); given alone, the class keeps its length</param>
/// <param name="EndsAt">the new end</param>
/// <param name="Capacity">never below the seats booked; a raise promotes from the waitlist</param>
/// <param name="InstructorId">an active instructor, or null for none</param>
/// <param name="LocationId">an active location, or null for none</param>
internal sealed record EditSessionRequest
{
    [Description("Left out: unchanged. The new start (the class keeps its length unless endsAt is given); every booking is kept. Cannot be null.")]
    public DateTimeOffset? StartsAt { get; init; }
    [Description("Left out: unchanged. The new end. Cannot be null.")]
    public DateTimeOffset? EndsAt { get; init; }
    [Description("Left out: unchanged. Never below the seats booked; a raise promotes from the waitlist. Cannot be null.")]
    public int? Capacity { get; init; }
    [Description("Left out: unchanged. null: no instructor. An active instructor of the organization.")]
    public Guid? InstructorId { get; init; }
    [Description("Left out: unchanged. null: no location. An active location of the organization.")]
    public Guid? LocationId { get; init; }
}

internal static class SchedulingEndpoints
{
    public const string FiltersDescription = """
        Without `from` and `to`: the coming week (today and the 6 days after it, in the studio's time zone); with only one of them,
        the 7 days from or up to it; at most 92 days. Filters: `classTypeId`, `instructorId`, `locationId`, and `available`
        (true: only sessions with a seat left; false: only full or cancelled ones).
        """;

    public static RouteGroupBuilder MapScheduling(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");

        sessions.MapPost("/", (ScheduleSessionRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new ScheduleSessionCommand(
                    tenant.OrganizationId, request.ClassTypeId, request.StartsAt, request.EndsAt, request.Capacity, request.InstructorId, request.LocationId),
                    s => $"/api/v1/sessions/{s.Id}", ct))
            .Creates<ScheduleSessionResponse>("ScheduleSession", "Schedule a class session; standing bookings that match it are booked at once", 404);

        sessions.MapGet("/", async (
                Tenant tenant, IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? classTypeId = null,
                Guid? instructorId = null, Guid? locationId = null, bool? available = null) =>
                (await mediator.Send(new ListSessionsQuery(tenant.OrganizationId, from, to, classTypeId, instructorId, locationId, available), ct)).ToOk())
            .WithName("ListSessions")
            .WithSummary("The timetable between two of the studio's local dates (both included), with booked, waitlisted and available counts")
            .WithDescription(FiltersDescription)
            .Produces<IReadOnlyList<SessionOverviewResponse>>()
            .Problems();

        sessions.MapGet("/{sessionId}", (Guid sessionId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetSessionQuery(tenant.OrganizationId, sessionId), ct))
            .Answers<SessionOverviewResponse>("GetSession", "A class session with its seat counts", 404);

        sessions.MapPatch("/{sessionId}", (Guid sessionId, HttpRequest http, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendPatch(http, (MergePatchBody<EditSessionRequest> p) => new EditSessionCommand(
                    tenant.OrganizationId, sessionId, p.Field("startsAt", p.Body.StartsAt), p.Field("endsAt", p.Body.EndsAt), p.Field("capacity", p.Body.Capacity),
                    p.Field("instructorId", p.Body.InstructorId), p.Field("locationId", p.Body.LocationId)), ct))
            .Patches<EditSessionRequest, EditSessionResponse>("EditSession",
                "Reschedule a class, change its capacity, instructor or location (JSON Merge Patch)", 404, 422)
            .WithDescription("""
                Rescheduling keeps every booking; only a class that has not started moves, and only to a time that has not passed.
                The capacity never goes below the seats booked (422 session.capacity_below_booked); raising it promotes waitlisted
                customers who can pay, in order, until the promotion cutoff. `instructorId`/`locationId` null clears them.
                """);

        sessions.MapPost("/{sessionId}/cancel", (Guid sessionId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new CancelSessionCommand(tenant.OrganizationId, sessionId), ct))
            .Answers<CancelSessionResponse>("CancelSession", "Cancel a class: every booking of it is cancelled and what it spent refunded", 404, 409, 422);

        return api;
    }
}
