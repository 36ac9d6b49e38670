using Mediator;
using UnifiedCustomers.Api.Errors;
using UnifiedCustomers.Api.Idempotency;
using UnifiedCustomers.Application.Bookings.BookFromWebsite;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Scheduling;
using UnifiedCustomers.Application.Scheduling.ListSessions;
using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Api.Public;

/// <param name="Name">the person's full name, as they type it</param>
internal sealed record PublicBookingRequest(Guid SessionId, string Name, string Email, bool JoinWaitlistIfFull = false);

/// <summary>What the widget shows a person after booking; no internal ids beyond the booking's own.</summary>
internal sealed record PublicBookingResponse(
    Guid Id, BookingStatus Status, Guid SessionId, string ClassName, DateTimeOffset StartsAtUtc, DateTimeOffset StartsAtLocal, string TimeZone,
    PaymentMethod PaymentMethod, int? WaitlistPosition);

/// <summary>The studio's website widget, addressed by the organization's slug, without an API key.</summary>
internal static class PublicEndpoints
{
    public static RouteGroupBuilder MapPublic(this RouteGroupBuilder api)
    {
        var widget = api.MapGroup("/public/{slug}").WithTags("Public").AllowAnonymous().RequireRateLimiting(PublicRateLimits.PerAddress);

        widget.MapGet("/schedule", async (
                string slug, OrganizationDirectory directory, HttpContext http, IMediator mediator, CancellationToken ct,
                DateOnly? from = null, DateOnly? to = null, Guid? classTypeId = null, Guid? instructorId = null, Guid? locationId = null, bool? available = null) =>
            {
                if (await directory.FromRouteAsync(http) is not { } organization) return ApplicationErrors.OrganizationNotFound.ToProblem();
                return (await mediator.Send(
                    new ListSessionsQuery(organization.Id, from, to, classTypeId, instructorId, locationId, available, NotStartedOnly: true), ct)).ToOk();
            })
            .WithName("GetPublicSchedule")
            .WithSummary("A studio's timetable for its website: the sessions that have not started (the next 7 days unless told otherwise)")
            .WithDescription(Scheduling.SchedulingEndpoints.FiltersDescription)
            .Produces<IReadOnlyList<SessionOverviewResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        widget.MapPost("/bookings", async (
                string slug, PublicBookingRequest request, OrganizationDirectory directory, BookingsPerEmail perEmail, HttpContext http, IMediator mediator,
                CancellationToken ct) =>
            {
                if (await directory.FromRouteAsync(http) is not { } organization) return ApplicationErrors.OrganizationNotFound.ToProblem();
                using var lease = perEmail.Acquire(request.Email);
                if (!lease.IsAcquired) return PublicRateLimits.TooManyRequests(lease);
                var key = http.Request.Headers[IdempotencyMiddleware.Header].ToString();
                var booked = await mediator.Send(
                    new BookFromWebsiteCommand(organization.Id, request.SessionId, request.Name, request.Email, request.JoinWaitlistIfFull, key.Length > 0 ? key : null), ct);
                if (booked.IsFailure) return booked.Error!.ToProblem();
                var b = booked.Value;
                return TypedResults.Created(
                    (string?)null,
                    new PublicBookingResponse(b.Id, b.Status, b.SessionId, b.ClassName, b.StartsAtUtc, b.StartsAtLocal, b.TimeZone, b.PaymentMethod, b.WaitlistPosition));
            })
            .WithName("BookFromWebsite")
            .WithSummary("Book a class from the studio's website by name and email (an unknown email becomes a new lead)")
            .Produces<PublicBookingResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new IdempotentAttribute());

        return api;
    }
}
