namespace UnifiedCustomers.Api.Organizations;

/// <param name="TimeZone">IANA, e.g. Europe/London</param>
/// <param name="Country">ISO 3166 two-letter code, e.g. GB</param>
internal sealed record UpdateOrganizationRequest(string Name, string TimeZone, string Country, BookingPolicyDto Policy);

/// <summary>The studio settings page: the key's own organization, read and replaced.</summary>
internal static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganization(this RouteGroupBuilder api)
    {
        var organization = api.MapGroup("/organization").WithTags("Organization");

        organization.MapGet("/", (Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetOrganizationQuery(tenant.OrganizationId), ct))
            .Answers<OrganizationResponse>("GetOrganization", "The studio's settings: name, slug, time zone, country and booking policy");

        organization.MapPut("/", (UpdateOrganizationRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new UpdateOrganizationCommand(tenant.OrganizationId, request.Name, request.TimeZone, request.Country, request.Policy), ct))
            .WithName("UpdateOrganization")
            .WithSummary("Replace the studio's settings (every field; the slug stays)")
            .WithDescription("Nothing is retroactive: bookings, cancellations and waitlist places already made keep what was decided; the new policy "
                             + "applies to what happens from now on. A new time zone moves no session (they are instants) but changes local dates, "
                             + "allowance periods and recurring bookings made from now on.")
            .Produces<OrganizationResponse>()
            .Problems();

        return api;
    }
}
