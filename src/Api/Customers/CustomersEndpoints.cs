using System.ComponentModel;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Common.Validation;
using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Application.Customers.AddCustomerNote;
using UnifiedCustomers.Application.Customers.ArchiveCustomer;
using UnifiedCustomers.Application.Customers.FindCustomerByLegacyId;
using UnifiedCustomers.Application.Customers.GetCustomer;
using UnifiedCustomers.Application.Customers.GetCustomerStatusHistory;
using UnifiedCustomers.Application.Customers.ListCustomerNotes;
using UnifiedCustomers.Application.Customers.MergeCustomers;
using UnifiedCustomers.Application.Customers.PatchCustomer;
using UnifiedCustomers.Application.Customers.RecomputeLifecycles;
using UnifiedCustomers.Application.Customers.RegisterCustomer;
using UnifiedCustomers.Application.Customers.RestoreCustomer;
using UnifiedCustomers.Application.Customers.SearchCustomers;
using UnifiedCustomers.Application.Customers.UpdateCustomer;
using UnifiedCustomers.Domain.Customers;

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

        customers.MapPost("/", async (RegisterCustomerRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RegisterCustomerCommand(
                    tenant.OrganizationId, request.FirstName, request.LastName, request.Email, request.Phone, request.Source), ct))
                .ToCreated(c => $"/api/v1/customers/{c.Id}"))
            .WithName("RegisterCustomer")
            .WithSummary("Register a person as a lead")
            .Produces<CustomerResponse>(StatusCodes.Status201Created)
            .Problems(409)
            .Idempotent();

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

        customers.MapGet("/{customerId}", async (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetCustomerQuery(tenant.OrganizationId, customerId), ct)).ToOk())
            .WithName("GetCustomer")
            .WithSummary("A customer")
            .Produces<CustomerResponse>()
            .Problems(404);

        customers.MapPut("/{customerId}", async (Guid customerId, UpdateCustomerRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new UpdateCustomerCommand(
                    tenant.OrganizationId, customerId, request.FirstName, request.LastName, request.Email, request.Phone, request.Source, request.Notes), ct))
                .ToOk())
            .WithName("UpdateCustomer")
            .WithSummary("Replace a customer's details (the lifecycle status follows purchases and is not set here)")
            .Produces<CustomerResponse>()
            .Problems(404, 409);

        customers.MapPatch("/{customerId}", async (Guid customerId, HttpRequest http, Tenant tenant, IMediator mediator, CancellationToken ct) =>
            {
                var patch = await MergePatch.ReadAsync<PatchCustomerRequest>(http, ct);
                var b = patch.Body;
                return (await mediator.Send(new PatchCustomerCommand(
                    tenant.OrganizationId, customerId, patch.Field("firstName", b.FirstName), patch.Field("lastName", b.LastName), patch.Field("email", b.Email),
                    patch.Field("phone", b.Phone), patch.Field("source", b.Source), patch.Field("notes", b.Notes)), ct)).ToOk();
            })
            .WithName("PatchCustomer")
            .WithSummary("Change some of a customer's details (JSON Merge Patch: members left out stay, null clears)")
            .WithDescription("""
                Send `Content-Type: application/merge-patch+json` (application/json is read the same way). `{"firstName":"Ada"}` changes
                only the first name; `{"phone":null}` removes the phone. Email, phone and notes can be cleared, and one of the two names
                as long as the other remains; the source cannot. PUT replaces every field instead.
                """)
            .AcceptsMergePatch<PatchCustomerRequest>()
            .Produces<CustomerResponse>()
            .Problems(404, 409);

        customers.MapPost("/{customerId}/archive", async (Guid customerId, ArchiveCustomerRequest? request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ArchiveCustomerCommand(tenant.OrganizationId, customerId, request?.Reason), ct)).ToOk())
            .WithName("ArchiveCustomer")
            .WithSummary("Archive a customer: the history stays, booking and selling stop")
            .Produces<CustomerResponse>()
            .Problems(404, 409);

        customers.MapPost("/{customerId}/restore", async (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RestoreCustomerCommand(tenant.OrganizationId, customerId), ct)).ToOk())
            .WithName("RestoreCustomer")
            .WithSummary("Bring an archived customer back, with the status their purchases give")
            .Produces<CustomerResponse>()
            .Problems(404, 409);

        customers.MapPost("/{customerId}/merge", async (Guid customerId, MergeCustomersRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new MergeCustomersCommand(tenant.OrganizationId, customerId, request.MergedId), ct)).ToOk())
            .WithName("MergeCustomers")
            .WithSummary("Merge a duplicate into this customer: bookings, memberships, packs, ledger and notes move here")
            .Produces<MergeCustomersResponse>()
            .Problems(404, 409, 422);

        customers.MapGet("/{customerId}/status-history", async (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetCustomerStatusHistoryQuery(tenant.OrganizationId, customerId), ct)).ToOk())
            .WithName("GetCustomerStatusHistory")
            .WithSummary("Every lifecycle status change of a customer, oldest first")
            .Produces<IReadOnlyList<CustomerStatusChangeResponse>>()
            .Problems(404);

        customers.MapGet("/by-legacy-id/{legacyId}", async (Guid legacyId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new FindCustomerByLegacyIdQuery(tenant.OrganizationId, legacyId), ct)).ToOk())
            .WithName("FindCustomerByLegacyId")
            .WithSummary("The customer a legacy lead or client id became (migrated as itself, or merged into another)")
            .Produces<FindCustomerByLegacyIdResponse>()
            .Problems(404);

        customers.MapGet("/{customerId}/notes", async (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListCustomerNotesQuery(tenant.OrganizationId, customerId), ct)).ToOk())
            .WithName("ListCustomerNotes")
            .WithSummary("Staff notes about a customer")
            .Produces<IReadOnlyList<CustomerNoteResponse>>()
            .Problems(404);

        customers.MapPost("/{customerId}/notes", async (Guid customerId, AddCustomerNoteRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new AddCustomerNoteCommand(tenant.OrganizationId, customerId, request.Content), ct))
                .ToCreated(n => $"/api/v1/customers/{customerId}/notes/{n.Id}"))
            .WithName("AddCustomerNote")
            .WithSummary("Write a staff note about a customer")
            .Produces<CustomerNoteResponse>(StatusCodes.Status201Created)
            .Problems(404)
            .Idempotent();

        customers.MapPost("/recompute-lifecycles", async (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new RecomputeLifecyclesCommand(tenant.OrganizationId), ct)).ToOk())
            .WithName("RecomputeLifecycles")
            .WithSummary("Expire ended memberships and bring every customer's lifecycle status up to date (the daily job, on demand)")
            .Produces<RecomputeLifecyclesResponse>()
            .Problems();

        return api;
    }
}
