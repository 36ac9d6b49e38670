using UnifiedCustomers.Application.Sales;
using UnifiedCustomers.Application.Sales.CancelMembership;
using UnifiedCustomers.Application.Sales.PauseMembership;
using UnifiedCustomers.Application.Sales.ResumeMembership;
using UnifiedCustomers.Application.Sales.SellMembership;
using UnifiedCustomers.Application.Sales.SellPack;

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
        customer.MapPost("/memberships", async (Guid customerId, SellMembershipRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new SellMembershipCommand(tenant.OrganizationId, customerId, request.PlanId, request.StartDate, request.EndDate), ct))
                .ToCreated(m => $"/api/v1/memberships/{m.Id}"))
            .WithName("SellMembership")
            .WithSummary("Sell a membership plan to a customer")
            .Produces<MembershipResponse>(StatusCodes.Status201Created)
            .Problems(404, 422)
            .Idempotent();
        customer.MapPost("/packs", async (Guid customerId, SellPackRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new SellPackCommand(tenant.OrganizationId, customerId, request.ProductId), ct))
                .ToCreated(p => $"/api/v1/packs/{p.Id}"))
            .WithName("SellPack")
            .WithSummary("Sell a class pack to a customer")
            .Produces<PackResponse>(StatusCodes.Status201Created)
            .Problems(404, 422)
            .Idempotent();

        var memberships = api.MapGroup("/memberships/{membershipId}").WithTags("Sales");
        memberships.MapPost("/pause", async (Guid membershipId, PauseMembershipRequest? request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new PauseMembershipCommand(tenant.OrganizationId, membershipId, request?.From, request?.Until), ct)).ToOk())
            .WithName("PauseMembership")
            .WithSummary("Pause a membership from a date, until a date or until resumed")
            .Produces<MembershipResponse>()
            .Problems(404, 409);
        memberships.MapPost("/resume", async (Guid membershipId, ResumeMembershipRequest? request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ResumeMembershipCommand(tenant.OrganizationId, membershipId, request?.On), ct)).ToOk())
            .WithName("ResumeMembership")
            .WithSummary("End a membership's open pause")
            .Produces<MembershipResponse>()
            .Problems(404, 409);
        memberships.MapPost("/cancel", async (Guid membershipId, CancelMembershipRequest? request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new CancelMembershipCommand(tenant.OrganizationId, membershipId, request?.EndDate), ct)).ToOk())
            .WithName("CancelMembership")
            .WithSummary("Cancel a membership from a date")
            .Produces<MembershipResponse>()
            .Problems(404, 409);

        return api;
    }
}
