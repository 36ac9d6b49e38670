using Mediator;
using UnifiedCustomers.Api.Access;
using UnifiedCustomers.Api.Common;
using UnifiedCustomers.Api.Errors;
using UnifiedCustomers.Application.Catalog;
using UnifiedCustomers.Application.Catalog.CreateClassType;
using UnifiedCustomers.Application.Catalog.CreateMembershipPlan;
using UnifiedCustomers.Application.Catalog.CreatePackProduct;
using UnifiedCustomers.Application.Catalog.ListClassTypes;
using UnifiedCustomers.Application.Catalog.ListMembershipPlans;
using UnifiedCustomers.Application.Catalog.ListPackProducts;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Api.Catalog;

internal sealed record CreateClassTypeRequest(string Name, int DefaultCapacity, int DefaultDurationMinutes);

/// <param name="AllowanceClasses">classes per week, month or term; leave out for unlimited</param>
/// <param name="ClassTypeIds">limits the plan to these class types; empty covers every class</param>
internal sealed record CreateMembershipPlanRequest(
    string Name, AllowancePeriod AllowancePeriod, int? AllowanceClasses = null, IReadOnlyList<Guid>? ClassTypeIds = null, bool IsTrial = false);

/// <param name="ClassTypeIds">limits the pack to these class types; empty covers every class</param>
internal sealed record CreatePackProductRequest(string Name, int Credits, int ValidityDays, IReadOnlyList<Guid>? ClassTypeIds = null, bool IsTrial = false);

internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder api)
    {
        var classTypes = api.MapGroup("/class-types").WithTags("Catalog");
        classTypes.MapPost("/", async (CreateClassTypeRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new CreateClassTypeCommand(tenant.OrganizationId, request.Name, request.DefaultCapacity, request.DefaultDurationMinutes), ct))
                .ToCreated(t => $"/api/v1/class-types/{t.Id}"))
            .WithName("CreateClassType")
            .WithSummary("Add a kind of class the studio offers")
            .Produces<ClassTypeResponse>(StatusCodes.Status201Created)
            .Problems(409)
            .Idempotent();
        classTypes.MapGet("/", async (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListClassTypesQuery(tenant.OrganizationId), ct)).ToOk())
            .WithName("ListClassTypes")
            .WithSummary("The studio's class types")
            .Produces<IReadOnlyList<ClassTypeResponse>>()
            .Problems();

        var plans = api.MapGroup("/membership-plans").WithTags("Catalog");
        plans.MapPost("/", async (CreateMembershipPlanRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new CreateMembershipPlanCommand(
                    tenant.OrganizationId, request.Name, request.AllowancePeriod, request.AllowanceClasses, request.ClassTypeIds, request.IsTrial), ct))
                .ToCreated(p => $"/api/v1/membership-plans/{p.Id}"))
            .WithName("CreateMembershipPlan")
            .WithSummary("Add a membership plan: an allowance per week, month or term, or unlimited")
            .Produces<MembershipPlanResponse>(StatusCodes.Status201Created)
            .Problems(404, 409)
            .Idempotent();
        plans.MapGet("/", async (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListMembershipPlansQuery(tenant.OrganizationId), ct)).ToOk())
            .WithName("ListMembershipPlans")
            .WithSummary("The studio's membership plans")
            .Produces<IReadOnlyList<MembershipPlanResponse>>()
            .Problems();

        var packs = api.MapGroup("/pack-products").WithTags("Catalog");
        packs.MapPost("/", async (CreatePackProductRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new CreatePackProductCommand(
                    tenant.OrganizationId, request.Name, request.Credits, request.ValidityDays, request.ClassTypeIds, request.IsTrial), ct))
                .ToCreated(p => $"/api/v1/pack-products/{p.Id}"))
            .WithName("CreatePackProduct")
            .WithSummary("Add a class pack product: N credits valid for some days")
            .Produces<PackProductResponse>(StatusCodes.Status201Created)
            .Problems(404, 409)
            .Idempotent();
        packs.MapGet("/", async (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListPackProductsQuery(tenant.OrganizationId), ct)).ToOk())
            .WithName("ListPackProducts")
            .WithSummary("The studio's pack products")
            .Produces<IReadOnlyList<PackProductResponse>>()
            .Problems();

        return api;
    }
}
