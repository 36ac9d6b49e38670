using System.ComponentModel;

namespace UnifiedCustomers.Api.Customers;

/// <param name="Source">where the person came from (website, walk-in); "manual" when left out</param>
internal sealed record RegisterCustomerRequest(string? FirstName, string? LastName, string? Email = null, string? Phone = null, string? Source = null);

/// <param name="Notes">leave out to keep the current notes</param>
internal sealed record UpdateCustomerRequest(string? FirstName, string? LastName, string? Email, string? Phone, string? Source = null, string? Notes = null);

/// <summary>
/// A merge patch of a customer (RFC 7396): members left out stay as they are, null clears email,
/// phone, notes, or one of the names while the other remains. `{"firstName": "Ada"}` changes only the first name.
/// </summary>
/// <param name="Phone">stored in E.164 when it parses for the organization's country, else as written</param>
/// <param name="Source">cannot be cleared</param>
internal sealed record PatchCustomerRequest
{
    [Description("Left out: unchanged. null: cleared (allowed while the last name remains).")]
    public string? FirstName { get; init; }
    [Description("Left out: unchanged. null: cleared (allowed while the first name remains).")]
    public string? LastName { get; init; }
    [Description("Left out: unchanged. null: cleared. Unique in the organization.")]
    public string? Email { get; init; }
    [Description("Left out: unchanged. null: cleared. Stored in E.164 when it parses for the organization's country, else as written.")]
    public string? Phone { get; init; }
    [Description("Left out: unchanged. Cannot be null.")]
    public string? Source { get; init; }
    [Description("Left out: unchanged. null: cleared.")]
    public string? Notes { get; init; }
}

internal sealed record ArchiveCustomerRequest(string? Reason = null);

/// <param name="MergedId">the duplicate: everything it holds moves to this customer, and it is archived</param>
internal sealed record MergeCustomersRequest(Guid MergedId);

internal sealed record AddCustomerNoteRequest(string Content);

internal static class CustomersEndpoints
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");

        customers.MapPost("/", (RegisterCustomerRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new RegisterCustomerCommand(
                    tenant.OrganizationId, request.FirstName, request.LastName, request.Email, request.Phone, request.Source), c => $"/api/v1/customers/{c.Id}", ct))
            .Creates<CustomerResponse>("RegisterCustomer", "Register a person as a lead", 409);

        customers.MapGet("/", async (
                Tenant tenant, IMediator mediator, CancellationToken ct,
                string? name = null, string? email = null, string? phone = null, string? status = null, int page = 1, int pageSize = Paging.DefaultPageSize,
                DateTimeOffset? updatedSince = null) =>
            {
                if (QueryValues.TryEnum<LifecycleStatus>(status, "status", out var lifecycle) is { } badStatus) return badStatus;
                return (await mediator.Send(new SearchCustomersQuery(tenant.OrganizationId, name, email, phone, lifecycle, page, pageSize, updatedSince), ct)).ToOk();
            })
            .WithName("SearchCustomers")
            .WithSummary("Search customers by name, email, phone and status, a page at a time")
            .WithDescription("`status`: lead, trial, member, lapsed or archived; without it, every customer who is not archived. "
                             + "`updatedSince` (an instant): only customers changed since then, archived ones included, oldest change first: "
                             + "to resynchronise after losing the events feed's cursor.")
            .Produces<PagedList<CustomerResponse>>()
            .Problems();

        customers.MapGet("/{customerId}", (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetCustomerQuery(tenant.OrganizationId, customerId), ct))
            .Answers<CustomerResponse>("GetCustomer", "A customer", 404);

        customers.MapPut("/{customerId}", async (Guid customerId, UpdateCustomerRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new UpdateCustomerCommand(
                    tenant.OrganizationId, customerId, request.FirstName, request.LastName, request.Email, request.Phone, request.Source, request.Notes), ct))
                .ToOk())
            .Answers<CustomerResponse>("UpdateCustomer", "Replace a customer's details (the lifecycle status follows purchases and is not set here)", 404, 409);

        customers.MapPatch("/{customerId}", (Guid customerId, HttpRequest http, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendPatch(http, (MergePatchBody<PatchCustomerRequest> p) => new PatchCustomerCommand(
                    tenant.OrganizationId, customerId, p.Field("firstName", p.Body.FirstName), p.Field("lastName", p.Body.LastName), p.Field("email", p.Body.Email),
                    p.Field("phone", p.Body.Phone), p.Field("source", p.Body.Source), p.Field("notes", p.Body.Notes)), ct))
            .Patches<PatchCustomerRequest, CustomerResponse>("PatchCustomer",
                "Change some of a customer's details (JSON Merge Patch: members left out stay, null clears)", 404, 409)
            .WithDescription("""
                Send `Content-Type: application/merge-patch+json` (application/json is read the same way). `{"firstName":"Ada"}` changes
                only the first name; `{"phone":null}` removes the phone. Email, phone and notes can be cleared, and one of the two names
                as long as the other remains; the source cannot. PUT replaces every field instead.
                """);

        customers.MapPost("/{customerId}/archive", (Guid customerId, ArchiveCustomerRequest? request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new ArchiveCustomerCommand(tenant.OrganizationId, customerId, request?.Reason), ct))
            .Answers<CustomerResponse>("ArchiveCustomer", "Archive a customer: the history stays, booking and selling stop", 404, 409);

        customers.MapPost("/{customerId}/restore", (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new RestoreCustomerCommand(tenant.OrganizationId, customerId), ct))
            .Answers<CustomerResponse>("RestoreCustomer", "Bring an archived customer back, with the status their purchases give", 404, 409);

        customers.MapPost("/{customerId}/merge", (Guid customerId, MergeCustomersRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new MergeCustomersCommand(tenant.OrganizationId, customerId, request.MergedId), ct))
            .Answers<MergeCustomersResponse>("MergeCustomers",
                "Merge a duplicate into this customer: bookings, memberships, packs, ledger and notes move here", 404, 409, 422);

        customers.MapGet("/{customerId}/status-history", (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetCustomerStatusHistoryQuery(tenant.OrganizationId, customerId), ct))
            .Answers<IReadOnlyList<CustomerStatusChangeResponse>>("GetCustomerStatusHistory", "Every lifecycle status change of a customer, oldest first", 404);

        customers.MapGet("/by-legacy-id/{legacyId}", (Guid legacyId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new FindCustomerByLegacyIdQuery(tenant.OrganizationId, legacyId), ct))
            .Answers<FindCustomerByLegacyIdResponse>("FindCustomerByLegacyId",
                "The customer a legacy lead or client id became (migrated as itself, or merged into another)", 404);

        customers.MapGet("/{customerId}/notes", (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new ListCustomerNotesQuery(tenant.OrganizationId, customerId), ct))
            .Answers<IReadOnlyList<CustomerNoteResponse>>("ListCustomerNotes", "Staff notes about a customer", 404);

        customers.MapPost("/{customerId}/notes", (Guid customerId, AddCustomerNoteRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new AddCustomerNoteCommand(tenant.OrganizationId, customerId, request.Content),
                    _ => $"/api/v1/customers/{customerId}/notes", ct))
            .Creates<CustomerNoteResponse>("AddCustomerNote", "Write a staff note about a customer", 404);

        customers.MapPost("/recompute-lifecycles", (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new RecomputeLifecyclesCommand(tenant.OrganizationId), ct))
            .Answers<RecomputeLifecyclesResponse>("RecomputeLifecycles",
                "Expire ended memberships and bring every customer's lifecycle status up to date (the daily job, on demand)");

        return api;
    }
}
