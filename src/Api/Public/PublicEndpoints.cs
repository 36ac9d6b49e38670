namespace UnifiedCustomers.Api.Public;

/// <param name="Name">the person's full name, as they type it</param>
internal sealed record PublicBookingRequest(Guid SessionId, string Name, string Email, bool JoinWaitlistIfFull = false);

/// <summary>The studio's website widget, addressed by the organization's slug, without an API key.</summary>
internal static class PublicEndpoints
{
    public static RouteGroupBuilder MapPublic(this RouteGroupBuilder api)
    {
        var widget = api.MapGroup("/public/{slug}").WithTags("Public").AllowAnonymous().RequireRateLimiting(PublicRateLimits.PerAddress)
            .RequireCors(WidgetCors.PolicyName);

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
                using var reservation = perEmail.Reserve(organization.Id, request.Email, http.Connection.RemoteIpAddress);
                if (reservation.RetryAfter is { } wait) return PublicRateLimits.TooManyRequests(wait);
                var received = await mediator.Send(
                    new BookFromWebsiteCommand(organization.Id, request.SessionId, request.Name, request.Email, request.JoinWaitlistIfFull), ct);
                if (received.IsFailure) return received.Error!.ToProblem();
                reservation.Keep();
                return TypedResults.Accepted((string?)null, received.Value);
            })
            .WithName("BookFromWebsite")
            .WithSummary("Ask for a class from the studio's website by name and email (docs/adr/0007)")
            .WithDescription(
                "An unknown email becomes a new lead, booked (paying at the desk when the studio allows drop-ins). A known email is booked the same "
                + "way as a guest, a new lead without the email, and spends nothing of the customer: the studio finds a note on both to confirm and "
                + "merge. Either way one seat is taken and the answer is the same receipt.")
            .Produces<WebsiteBookingReceipt>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new IdempotentAttribute());

        return api;
    }
}
