namespace UnifiedCustomers.Api.Sales;

/// <param name="StartDate">the studio's local date it starts; today when left out</param>
internal sealed record SellMembershipRequest(Guid PlanId, DateOnly? StartDate = null, DateOnly? EndDate = null);

internal sealed record SellPackRequest(Guid ProductId);

/// <param name="From">the first local date it is paused; today when left out</param>
/// <param name="Until">the date it covers classes again; open-ended (until resumed) when left out</param>
internal sealed record PauseMembershipRequest(DateOnly? From = null, DateOnly? Until = null);

/// <param name="On">the date it covers classes again; today when left out</param>
internal sealed record ResumeMembershipRequest(DateOnly? On = null);

/// <param name="EndDate">its last day, not before its start; today when left out (its start date when it has not started)</param>
internal sealed record CancelMembershipRequest(DateOnly? EndDate = null);

internal static class SalesEndpoints
{
    public static RouteGroupBuilder MapSales(this RouteGroupBuilder api)
    {
        var customer = api.MapGroup("/customers/{customerId}").WithTags("Sales");
        customer.MapPost("/memberships", (Guid customerId, SellMembershipRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new SellMembershipCommand(tenant.OrganizationId, customerId, request.PlanId, request.StartDate, request.EndDate),
                    // No route reads one membership: the customer's balance lists it (a Location that answered 404 before).
                    _ => $"/api/v1/customers/{customerId}/balance", ct))
            .Creates<MembershipResponse>("SellMembership", "Sell a membership plan to a customer", 404, 422);
        customer.MapPost("/packs", (Guid customerId, SellPackRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new SellPackCommand(tenant.OrganizationId, customerId, request.ProductId), _ => $"/api/v1/customers/{customerId}/balance", ct))
            .Creates<PackResponse>("SellPack", "Sell a class pack to a customer", 404, 422);

        var memberships = api.MapGroup("/memberships/{membershipId}").WithTags("Sales");
        memberships.MapPost("/pause", (Guid membershipId, PauseMembershipRequest? request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new PauseMembershipCommand(tenant.OrganizationId, membershipId, request?.From, request?.Until), ct))
            .Answers<MembershipResponse>("PauseMembership", "Pause a membership from a date, until a date or until resumed", 404, 409);
        memberships.MapPost("/resume", (Guid membershipId, ResumeMembershipRequest? request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new ResumeMembershipCommand(tenant.OrganizationId, membershipId, request?.On), ct))
            .Answers<MembershipResponse>("ResumeMembership", "End a membership's open pause", 404, 409);
        memberships.MapPost("/cancel", (Guid membershipId, CancelMembershipRequest? request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new CancelMembershipCommand(tenant.OrganizationId, membershipId, request?.EndDate), ct))
            .Answers<MembershipResponse>("CancelMembership", "Cancel a membership from a date", 404, 409);

        return api;
    }
}
