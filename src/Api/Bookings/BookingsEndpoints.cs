namespace UnifiedCustomers.Api.Bookings;

/// <param name="Payment">how to pay; leave it out to let the studio's rules choose (membership, then pack, then drop-in)</param>
/// <param name="JoinWaitlistIfFull">join the waitlist when the class is full instead of being refused</param>
internal sealed record BookClassRequest(Guid CustomerId, Guid SessionId, PaymentChoice? Payment = null, bool JoinWaitlistIfFull = false);

internal sealed record BookClassesRequest(
    Guid CustomerId, IReadOnlyList<Guid> SessionIds, BatchMode Mode = BatchMode.BestEffort, PaymentChoice? Payment = null, bool JoinWaitlistIfFull = false);

/// <param name="LocalTime">the studio's wall-clock time, e.g. "18:00:00"</param>
/// <param name="Standing">also book sessions scheduled later inside the range</param>
internal sealed record BookRecurringRequest(
    Guid CustomerId, Guid ClassTypeId, DayOfWeek[] Weekdays, TimeOnly LocalTime, DateOnly FromDate, DateOnly? UntilDate = null, int? Count = null,
    PaymentChoice? Payment = null, bool JoinWaitlistIfFull = false, bool Standing = true);

internal sealed record CheckEligibilityRequest(Guid CustomerId, Guid SessionId, PaymentChoice? Payment = null, bool JoinWaitlistIfFull = false);

/// <param name="WaiveLateFee">staff only: a late cancellation gives the credit back anyway</param>
internal sealed record CancelBookingRequest(CancelledBy By = CancelledBy.Customer, bool WaiveLateFee = false);

internal static class BookingsEndpoints
{
    public static RouteGroupBuilder MapBookings(this RouteGroupBuilder api)
    {
        var bookings = api.MapGroup("/bookings").WithTags("Bookings");

        bookings.MapPost("/", (BookClassRequest request, Tenant tenant, HttpContext http, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new BookClassCommand(
                    tenant.OrganizationId, request.CustomerId, request.SessionId, request.Payment, request.JoinWaitlistIfFull, BookingSource.Api,
                    http.Request.Headers[IdempotencyMiddleware.Header].ToString() is { Length: > 0 } key ? key : null), b => $"/api/v1/bookings/{b.Id}", ct))
            .WithName("BookClass")
            .WithSummary("Book a customer into a class session")
            .WithDescription("Checks every booking rule, takes a seat (or a waitlist place when asked for) and spends the payment in one transaction.")
            .Produces<BookingResponse>(StatusCodes.Status201Created)
            .Problems(404, 409, 422)
            .Idempotent();

        bookings.MapPost("/batch", async (BookClassesRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new BookClassesCommand(
                    tenant.OrganizationId, request.CustomerId, request.SessionIds, request.Mode, request.Payment, request.JoinWaitlistIfFull, BookingSource.Api), ct))
                .ToOk())
            .Answers<BookClassesResponse>("BookClasses", "Book a customer into several sessions, all or nothing or best effort", 404, 409, 422)
            .Idempotent();

        bookings.MapPost("/recurring", async (BookRecurringRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new BookRecurringCommand(
                    tenant.OrganizationId, request.CustomerId, request.ClassTypeId, request.Weekdays, request.LocalTime, request.FromDate,
                    request.UntilDate, request.Count, request.Payment, request.JoinWaitlistIfFull, request.Standing, BookingSource.Api), ct))
                .ToOk())
            .Answers<BookRecurringResponse>("BookRecurring", "Book a class type on some weekdays at a local time, from a date until a date or for a count", 404, 422)
            .Idempotent();

        bookings.MapPost("/eligibility", async (CheckEligibilityRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new CheckEligibilityQuery(
                    tenant.OrganizationId, request.CustomerId, request.SessionId, request.Payment, request.JoinWaitlistIfFull), ct))
                .ToOk())
            .Answers<EligibilityResponse>("CheckEligibility", "What would happen if the customer booked this session now (nothing is written)", 404);

        bookings.MapGet("/{bookingId}", (Guid bookingId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetBookingQuery(tenant.OrganizationId, bookingId), ct))
            .Answers<BookingResponse>("GetBooking", "A booking", 404);

        bookings.MapPost("/{bookingId}/cancel", (Guid bookingId, CancelBookingRequest? request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new CancelBookingCommand(
                    tenant.OrganizationId, bookingId, request?.By ?? CancelledBy.Customer, request?.WaiveLateFee ?? false), ct))
            .Answers<BookingResponse>("CancelBooking",
                "Cancel a booking; inside the late-cancel window it is late_cancelled and the credit is forfeited per policy", 404, 409);

        bookings.MapPost("/{bookingId}/check-in", (Guid bookingId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new CheckInCommand(tenant.OrganizationId, bookingId), ct))
            .Answers<BookingResponse>("CheckIn", "Check the customer in (from 30 minutes before the class until it ends)", 404, 409, 422);

        bookings.MapPost("/{bookingId}/undo-check-in", (Guid bookingId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new UndoCheckInCommand(tenant.OrganizationId, bookingId), ct))
            .Answers<BookingResponse>("UndoCheckIn", "Take back a check-in made by mistake", 404, 409);

        bookings.MapPost("/{bookingId}/no-show", (Guid bookingId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new MarkNoShowCommand(tenant.OrganizationId, bookingId), ct))
            .Answers<BookingResponse>("MarkNoShow", "Mark a confirmed booking as a no-show, once the class has started", 404, 409, 422);

        var customers = api.MapGroup("/customers/{customerId}").WithTags("Bookings");

        customers.MapGet("/bookings", async (
                Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct,
                string? when = null, string? status = null, int page = 1, int pageSize = Paging.DefaultPageSize) =>
            {
                if (QueryValues.TryEnum<BookingPeriod>(when, "when", out var period) is { } badPeriod) return badPeriod;
                if (QueryValues.TryEnum<BookingStatus>(status, "status", out var bookingStatus) is { } badStatus) return badStatus;
                return (await mediator.Send(new GetCustomerBookingsQuery(
                    tenant.OrganizationId, customerId, period ?? BookingPeriod.Upcoming, bookingStatus, page, pageSize), ct)).ToOk();
            })
            .WithName("GetCustomerBookings")
            .WithSummary("A customer's bookings: upcoming (soonest first), past or all (latest first)")
            .WithDescription("`when`: upcoming (default), past or all. `status`: confirmed, waitlisted, cancelled, late_cancelled, attended or no_show.")
            .Produces<PagedList<BookingResponse>>()
            .Problems(404);

        customers.MapGet("/balance", (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetCustomerBalanceQuery(tenant.OrganizationId, customerId), ct))
            .Answers<CustomerBalanceResponse>("GetCustomerBalance",
                "What a customer can still book with: each membership's allowance left this period, each pack's credits", 404);

        customers.MapGet("/credit-ledger", (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
                mediator.SendOk(new GetCreditLedgerQuery(tenant.OrganizationId, customerId, page, pageSize), ct))
            .Answers<PagedList<LedgerEntryResponse>>("GetCreditLedger",
                "A customer's credit ledger, newest first: every credit or allowance spent (-1) and given back (+1)", 404);

        api.MapGet("/sessions/{sessionId}/roster", (Guid sessionId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetSessionRosterQuery(tenant.OrganizationId, sessionId), ct))
            .WithTags("Bookings")
            .Answers<SessionRosterResponse>("GetSessionRoster", "Who is in a class and who waits for it, in order", 404);

        return api;
    }
}
