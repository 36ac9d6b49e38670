namespace UnifiedCustomers.Api.Members;

/// <param name="Payment">a membership or pack of yours (with its id), or drop_in; leave it out to let the studio's rules choose</param>
/// <param name="JoinWaitlistIfFull">join the waitlist when the class is full instead of being refused</param>
internal sealed record MemberBookingRequest(Guid SessionId, PaymentChoice? Payment = null, bool JoinWaitlistIfFull = false);

internal sealed record MemberStudio(string Name, string Slug, string TimeZone, string Country);

/// <summary>What a member sees of themselves: no staff notes, no source, no merge pointers.</summary>
/// <param name="Studio">the studio; its public schedule is /api/v1/public/{slug}/schedule</param>
internal sealed record MemberProfileResponse(
    Guid Id, string FirstName, string LastName, string FullName, string? Email, string? Phone, LifecycleStatus Status, DateTimeOffset CreatedAt,
    MemberStudio Studio);

/// <summary>
/// /api/v1/me: one customer acting for themselves with a customer access token. Every call sends the
/// same commands and queries as the staff endpoints, with the customer taken from the token, never
/// from the request; a booking id of anybody else answers 404 like an unknown one.
/// </summary>
internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Member app").RequireAuthorization(CustomerTokenAuthenticationHandler.PolicyName);

        me.MapGet("/", async (Member member, IMediator mediator, CancellationToken ct) =>
            {
                var customer = await mediator.Send(new GetCustomerQuery(member.OrganizationId, member.CustomerId), ct);
                if (customer.IsFailure) return customer.Error!.ToProblem();
                var studio = await mediator.Send(new GetOrganizationQuery(member.OrganizationId), ct);
                if (studio.IsFailure) return studio.Error!.ToProblem();
                var (c, o) = (customer.Value, studio.Value);
                return TypedResults.Ok(new MemberProfileResponse(
                    c.Id, c.FirstName, c.LastName, c.FullName, c.Email, c.Phone, c.Status, c.CreatedAt, new MemberStudio(o.Name, o.Slug, o.TimeZone, o.Country)));
            })
            .Answers<MemberProfileResponse>("GetMyProfile", "The signed-in customer's profile and studio");

        me.MapGet("/bookings", async (
                Member member, IMediator mediator, CancellationToken ct, string? when = null, string? status = null, int page = 1, int pageSize = Paging.DefaultPageSize) =>
            {
                if (QueryValues.TryEnum<BookingPeriod>(when, "when", out var period) is { } badPeriod) return badPeriod;
                if (QueryValues.TryEnum<BookingStatus>(status, "status", out var bookingStatus) is { } badStatus) return badStatus;
                return (await mediator.Send(new GetCustomerBookingsQuery(
                    member.OrganizationId, member.CustomerId, period ?? BookingPeriod.Upcoming, bookingStatus, page, pageSize), ct)).ToOk();
            })
            .WithName("GetMyBookings")
            .WithSummary("My bookings: upcoming (soonest first), past or all (latest first)")
            .WithDescription("`when`: upcoming (default), past or all. `status`: confirmed, waitlisted, cancelled, late_cancelled, attended or no_show.")
            .Produces<PagedList<BookingResponse>>()
            .Problems();

        me.MapGet("/bookings/{bookingId}", async (Guid bookingId, Member member, IMediator mediator, CancellationToken ct) =>
                (await OwnBookingAsync(member, bookingId, mediator, ct)).ToOk())
            .Answers<BookingResponse>("GetMyBooking", "One of my bookings", 404);

        me.MapPost("/bookings", async (MemberBookingRequest request, Member member, IMediator mediator, CancellationToken ct) =>
            {
                if (request.Payment is { Method: PaymentMethod.Complimentary }) return ApiErrors.ComplimentaryNotForMembers.ToProblem();
                return (await mediator.Send(new BookClassCommand(
                        member.OrganizationId, member.CustomerId, request.SessionId, request.Payment, request.JoinWaitlistIfFull, BookingSource.MemberApp), ct))
                    .ToCreated(b => $"/api/v1/me/bookings/{b.Id}");
            })
            .WithName("BookMyClass")
            .WithSummary("Book a class (or join its waitlist with joinWaitlistIfFull), paying with what I own")
            .WithDescription("The same rules as staff bookings: booking window, seats, waitlist cap, and payment by membership, pack or drop-in. "
                             + "Booking a class already booked is refused (booking.already_booked), so a retry never books twice.")
            .Produces<BookingResponse>(StatusCodes.Status201Created)
            .Problems(404, 409, 422);

        me.MapPost("/bookings/eligibility", async (MemberBookingRequest request, Member member, IMediator mediator, CancellationToken ct) =>
            {
                if (request.Payment is { Method: PaymentMethod.Complimentary }) return ApiErrors.ComplimentaryNotForMembers.ToProblem();
                return (await mediator.Send(new CheckEligibilityQuery(
                    member.OrganizationId, member.CustomerId, request.SessionId, request.Payment, request.JoinWaitlistIfFull), ct)).ToOk();
            })
            .Answers<EligibilityResponse>("CheckMyEligibility", "What would happen if I booked this session now (nothing is written)", 404);

        me.MapPost("/bookings/{bookingId}/cancel", async (Guid bookingId, Member member, IMediator mediator, CancellationToken ct) =>
            {
                var own = await OwnBookingAsync(member, bookingId, mediator, ct);
                if (own.IsFailure) return own.Error!.ToProblem();
                return (await mediator.Send(new CancelBookingCommand(member.OrganizationId, bookingId, CancelledBy.Customer), ct)).ToOk();
            })
            .WithName("CancelMyBooking")
            .WithSummary("Cancel one of my bookings, or leave a waitlist")
            .WithDescription("Inside the studio's late-cancellation window the credit is forfeited when the policy says so.")
            .Produces<BookingResponse>()
            .Problems(404, 409, 422);

        me.MapGet("/balance", (Member member, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetCustomerBalanceQuery(member.OrganizationId, member.CustomerId), ct))
            .Answers<CustomerBalanceResponse>("GetMyBalance", "What I can still book with: each membership's allowance left this period, each pack's credits");

        me.MapGet("/credit-ledger", (Member member, IMediator mediator, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
                mediator.SendOk(new GetCreditLedgerQuery(member.OrganizationId, member.CustomerId, page, pageSize), ct))
            .Answers<PagedList<LedgerEntryResponse>>("GetMyCreditLedger",
                "My credit ledger, newest first: every credit or allowance spent (-1) and given back (+1)");

        me.MapPost("/sign-out", async (Member member, IMediator mediator, CancellationToken ct) =>
            {
                var revoked = await mediator.Send(new RevokeAccessTokenCommand(member.OrganizationId, member.CustomerId, member.TokenId), ct);
                return revoked.IsSuccess ? Results.NoContent() : revoked.Error!.ToProblem();
            })
            .WithName("SignOut")
            .WithSummary("Revoke the access token this request carries")
            .Produces(StatusCodes.Status204NoContent)
            .Problems();

        return api;
    }

    /// <summary>The booking when it is the member's own; anybody else's answers exactly like an unknown id.</summary>
    private static async Task<Result<BookingResponse>> OwnBookingAsync(Member member, Guid bookingId, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new GetBookingQuery(member.OrganizationId, bookingId), ct)).Ensure(booking => booking.CustomerId == member.CustomerId, BookingErrors.NotFound);
}
