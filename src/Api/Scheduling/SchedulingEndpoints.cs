using Mediator;
using UnifiedCustomers.Api.Access;
using UnifiedCustomers.Api.Common;
using UnifiedCustomers.Api.Errors;
using UnifiedCustomers.Application.Scheduling;
using UnifiedCustomers.Application.Scheduling.CancelSession;
using UnifiedCustomers.Application.Scheduling.GetSession;
using UnifiedCustomers.Application.Scheduling.ListSessions;
using UnifiedCustomers.Application.Scheduling.ScheduleSession;

namespace UnifiedCustomers.Api.Scheduling;

/// <param name="EndsAt">defaults to the class type's duration</param>
/// <param name="Capacity">defaults to the class type's capacity</param>
internal sealed record ScheduleSessionRequest(
    Guid ClassTypeId, DateTimeOffset StartsAt, DateTimeOffset? EndsAt = null, int? Capacity = null, string? Instructor = null, string? Location = null);

internal static class SchedulingEndpoints
{
    public static RouteGroupBuilder MapScheduling(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");

        sessions.MapPost("/", async (ScheduleSessionRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ScheduleSessionCommand(
                    tenant.OrganizationId, request.ClassTypeId, request.StartsAt, request.EndsAt, request.Capacity, request.Instructor, request.Location), ct))
                .ToCreated(s => $"/api/v1/sessions/{s.Id}"))
            .WithName("ScheduleSession")
            .WithSummary("Schedule a class session; standing bookings that match it are booked at once")
            .Produces<ScheduleSessionResponse>(StatusCodes.Status201Created)
            .Problems(404)
            .Idempotent();

        sessions.MapGet("/", async (DateOnly from, DateOnly to, Tenant tenant, IMediator mediator, CancellationToken ct, Guid? classTypeId = null) =>
                (await mediator.Send(new ListSessionsQuery(tenant.OrganizationId, from, to, classTypeId), ct)).ToOk())
            .WithName("ListSessions")
            .WithSummary("The timetable between two of the studio's local dates (both included), with booked, waitlisted and available counts")
            .Produces<IReadOnlyList<SessionOverviewResponse>>()
            .Problems();

        sessions.MapGet("/{sessionId}", async (Guid sessionId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetSessionQuery(tenant.OrganizationId, sessionId), ct)).ToOk())
            .WithName("GetSession")
            .WithSummary("A class session with its seat counts")
            .Produces<SessionOverviewResponse>()
            .Problems(404);

        sessions.MapPost("/{sessionId}/cancel", async (Guid sessionId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new CancelSessionCommand(tenant.OrganizationId, sessionId), ct)).ToOk())
            .WithName("CancelSession")
            .WithSummary("Cancel a class: every booking of it is cancelled and what it spent refunded")
            .Produces<CancelSessionResponse>()
            .Problems(404, 409, 422);

        return api;
    }
}
