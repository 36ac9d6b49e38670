using System.ComponentModel;

namespace UnifiedCustomers.Api.Catalog;

internal sealed record CreateClassTypeRequest(string Name, int DefaultCapacity, int DefaultDurationMinutes);

/// <param name="AllowanceClasses">classes per week, month or term; leave out for unlimited</param>
/// <param name="ClassTypeIds">limits the plan to these class types; empty covers every class</param>
internal sealed record CreateMembershipPlanRequest(
    string Name, AllowancePeriod AllowancePeriod, int? AllowanceClasses = null, IReadOnlyList<Guid>? ClassTypeIds = null, bool IsTrial = false);

/// <param name="ClassTypeIds">limits the pack to these class types; empty covers every class</param>
internal sealed record CreatePackProductRequest(string Name, int Credits, int ValidityDays, IReadOnlyList<Guid>? ClassTypeIds = null, bool IsTrial = false);

/// <summary>A merge patch of a class type: members left out stay as they are.</summary>
/// <param name="DefaultCapacity">seats of sessions scheduled from now on; scheduled ones keep theirs</param>
/// <param name="DefaultDurationMinutes">length of sessions scheduled from now on</param>
/// <param name="IsActive">false: no new session of it can be scheduled; the scheduled ones keep working</param>
internal sealed record UpdateClassTypeRequest
{
    [Description("Left out: unchanged. Cannot be null.")]
    public string? Name { get; init; }
    [Description("Left out: unchanged. Seats of sessions scheduled from now on; scheduled ones keep theirs. Cannot be null.")]
    public int? DefaultCapacity { get; init; }
    [Description("Left out: unchanged. Length of sessions scheduled from now on. Cannot be null.")]
    public int? DefaultDurationMinutes { get; init; }
    [Description("Left out: unchanged. false: no new session of it can be scheduled; the scheduled ones keep working. Cannot be null.")]
    public bool? IsActive { get; init; }
}

/// <summary>
/// A merge patch of a membership plan: members left out stay as they are. The terms (allowance,
/// class types, trial) can change only while no membership of the plan was sold.
/// </summary>
/// <param name="AllowanceClasses">classes per period; null for unlimited</param>
/// <param name="ClassTypeIds">null or empty: every class type</param>
/// <param name="IsActive">false: no longer sold; memberships already sold keep working</param>
internal sealed record UpdateMembershipPlanRequest
{
    [Description("Left out: unchanged. Cannot be null.")]
    public string? Name { get; init; }
    [Description("Left out: unchanged. A term: fixed once a membership of the plan was sold. Cannot be null.")]
    public AllowancePeriod? AllowancePeriod { get; init; }
    [Description("Left out: unchanged (none when the period becomes unlimited). null: unlimited. A term: fixed once sold.")]
    public int? AllowanceClasses { get; init; }
    [Description("Left out: unchanged. null or empty: every class type. A term: fixed once sold.")]
    public IReadOnlyList<Guid>? ClassTypeIds { get; init; }
    [Description("Left out: unchanged. A term: fixed once sold. Cannot be null.")]
    public bool? IsTrial { get; init; }
    [Description("Left out: unchanged. false: no longer sold; memberships already sold keep working. Cannot be null.")]
    public bool? IsActive { get; init; }
}

/// <summary>
/// A merge patch of a pack product: members left out stay as they are. The terms (credits,
/// validity, class types, trial) can change only while no pack of the product was sold.
/// </summary>
/// <param name="ClassTypeIds">null or empty: every class type</param>
/// <param name="IsActive">false: no longer sold; packs already sold keep working</param>
internal sealed record UpdatePackProductRequest
{
    [Description("Left out: unchanged. Cannot be null.")]
    public string? Name { get; init; }
    [Description("Left out: unchanged. A term: fixed once a pack of the product was sold. Cannot be null.")]
    public int? Credits { get; init; }
    [Description("Left out: unchanged. A term: fixed once sold. Cannot be null.")]
    public int? ValidityDays { get; init; }
    [Description("Left out: unchanged. null or empty: every class type. A term: fixed once sold.")]
    public IReadOnlyList<Guid>? ClassTypeIds { get; init; }
    [Description("Left out: unchanged. A term: fixed once sold. Cannot be null.")]
    public bool? IsTrial { get; init; }
    [Description("Left out: unchanged. false: no longer sold; packs already sold keep working. Cannot be null.")]
    public bool? IsActive { get; init; }
}

internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder api)
    {
        var classTypes = api.MapGroup("/class-types").WithTags("Catalog");
        classTypes.MapPost("/", (CreateClassTypeRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new CreateClassTypeCommand(tenant.OrganizationId, request.Name, request.DefaultCapacity, request.DefaultDurationMinutes),
                    t => $"/api/v1/class-types/{t.Id}", ct))
            .Creates<ClassTypeResponse>("CreateClassType", "Add a kind of class the studio offers", 409);
        classTypes.MapGet("/", (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new ListClassTypesQuery(tenant.OrganizationId), ct))
            .Answers<IReadOnlyList<ClassTypeResponse>>("ListClassTypes", "The studio's class types");
        classTypes.MapGet("/{classTypeId}", (Guid classTypeId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetClassTypeQuery(tenant.OrganizationId, classTypeId), ct))
            .Answers<ClassTypeResponse>("GetClassType", "A class type", 404);
        classTypes.MapPatch("/{classTypeId}", (Guid classTypeId, HttpRequest http, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendPatch(http, (MergePatchBody<UpdateClassTypeRequest> p) => new UpdateClassTypeCommand(
                    tenant.OrganizationId, classTypeId, p.Field("name", p.Body.Name), p.Field("defaultCapacity", p.Body.DefaultCapacity),
                    p.Field("defaultDurationMinutes", p.Body.DefaultDurationMinutes), p.Field("isActive", p.Body.IsActive)), ct))
            .Patches<UpdateClassTypeRequest, ClassTypeResponse>("UpdateClassType",
                "Rename a class type, change its defaults for new sessions, or deactivate it (JSON Merge Patch)", 404)
            .WithDescription("Never deleted: a deactivated class type keeps its sessions (still bookable) and gets no new one.");

        var plans = api.MapGroup("/membership-plans").WithTags("Catalog");
        plans.MapPost("/", (CreateMembershipPlanRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new CreateMembershipPlanCommand(
                    tenant.OrganizationId, request.Name, request.AllowancePeriod, request.AllowanceClasses, request.ClassTypeIds, request.IsTrial),
                    p => $"/api/v1/membership-plans/{p.Id}", ct))
            .Creates<MembershipPlanResponse>("CreateMembershipPlan", "Add a membership plan: an allowance per week, month or term, or unlimited", 404, 409);
        plans.MapGet("/", (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new ListMembershipPlansQuery(tenant.OrganizationId), ct))
            .Answers<IReadOnlyList<MembershipPlanResponse>>("ListMembershipPlans", "The studio's membership plans");
        plans.MapGet("/{planId}", (Guid planId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetMembershipPlanQuery(tenant.OrganizationId, planId), ct))
            .Answers<MembershipPlanResponse>("GetMembershipPlan", "A membership plan", 404);
        plans.MapPatch("/{planId}", (Guid planId, HttpRequest http, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendPatch(http, (MergePatchBody<UpdateMembershipPlanRequest> p) => new UpdateMembershipPlanCommand(
                    tenant.OrganizationId, planId, p.Field("name", p.Body.Name), p.Field("allowancePeriod", p.Body.AllowancePeriod),
                    p.Field("allowanceClasses", p.Body.AllowanceClasses), p.Field("classTypeIds", p.Body.ClassTypeIds), p.Field("isTrial", p.Body.IsTrial),
                    p.Field("isActive", p.Body.IsActive)), ct))
            .Patches<UpdateMembershipPlanRequest, MembershipPlanResponse>("UpdateMembershipPlan",
                "Rename a membership plan, change its terms while none was sold, or deactivate it (JSON Merge Patch)", 404, 409)
            .WithDescription("Never deleted: a deactivated plan is no longer sold; memberships already sold keep working. Terms of a sold plan are fixed (409 membership_plan.terms_locked).");

        var packs = api.MapGroup("/pack-products").WithTags("Catalog");
        packs.MapPost("/", (CreatePackProductRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new CreatePackProductCommand(
                    tenant.OrganizationId, request.Name, request.Credits, request.ValidityDays, request.ClassTypeIds, request.IsTrial),
                    p => $"/api/v1/pack-products/{p.Id}", ct))
            .Creates<PackProductResponse>("CreatePackProduct", "Add a class pack product: N credits valid for some days", 404, 409);
        packs.MapGet("/", (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new ListPackProductsQuery(tenant.OrganizationId), ct))
            .Answers<IReadOnlyList<PackProductResponse>>("ListPackProducts", "The studio's pack products");
        packs.MapGet("/{productId}", (Guid productId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetPackProductQuery(tenant.OrganizationId, productId), ct))
            .Answers<PackProductResponse>("GetPackProduct", "A pack product", 404);
        packs.MapPatch("/{productId}", (Guid productId, HttpRequest http, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendPatch(http, (MergePatchBody<UpdatePackProductRequest> p) => new UpdatePackProductCommand(
                    tenant.OrganizationId, productId, p.Field("name", p.Body.Name), p.Field("credits", p.Body.Credits), p.Field("validityDays", p.Body.ValidityDays),
                    p.Field("classTypeIds", p.Body.ClassTypeIds), p.Field("isTrial", p.Body.IsTrial), p.Field("isActive", p.Body.IsActive)), ct))
            .Patches<UpdatePackProductRequest, PackProductResponse>("UpdatePackProduct",
                "Rename a pack product, change its terms while none was sold, or deactivate it (JSON Merge Patch)", 404, 409)
            .WithDescription("Never deleted: a deactivated product is no longer sold; packs already sold keep working. Terms of a sold product are fixed (409 pack_product.terms_locked).");

        return api;
    }
}
