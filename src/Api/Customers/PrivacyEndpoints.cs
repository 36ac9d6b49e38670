namespace UnifiedCustomers.Api.Customers;

/// <summary>Answering a person's privacy request in two calls: see everything, then erase (docs/adr/0021).</summary>
internal static class PrivacyEndpoints
{
    public static RouteGroupBuilder MapPrivacy(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers/{customerId}").WithTags("Privacy");

        customers.MapGet("/export", (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new ExportCustomerQuery(tenant.OrganizationId, customerId), ct))
            .WithName("ExportCustomer")
            .WithSummary("Everything stored about a person, as one JSON document (a subject access request)")
            .WithDescription("Profile, status history, staff notes, memberships, packs, bookings, credit ledger, standing bookings, access tokens, "
                             + "legacy ids and the duplicates merged into this customer.")
            .Produces<CustomerExport>()
            .Problems(404);

        customers.MapPost("/erase", (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new EraseCustomerCommand(tenant.OrganizationId, customerId), ct))
            .WithName("EraseCustomer")
            .WithSummary("Erase a person on their request: name, email, phone and notes go for good; bookings and the credit ledger stay, anonymous")
            .WithDescription("Irreversible. The customer is archived with the erasure in the status history, staff notes are deleted, access tokens revoked, "
                             + "and merged duplicates are erased too. The old email and phone find nobody afterwards.")
            .Produces<CustomerResponse>()
            .Problems(404, 409);

        return api;
    }
}
