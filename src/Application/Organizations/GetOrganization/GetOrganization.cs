namespace UnifiedCustomers.Application.Organizations.GetOrganization;

/// <summary>The studio's settings: name, time zone, country and booking policy.</summary>
public sealed record GetOrganizationQuery(Guid OrganizationId) : ITenantQuery<Result<OrganizationResponse>>, IOrganizationRequest;

internal sealed class GetOrganizationHandler(CurrentOrganization current) : IQueryHandler<GetOrganizationQuery, Result<OrganizationResponse>>
{
    public ValueTask<Result<OrganizationResponse>> Handle(GetOrganizationQuery query, CancellationToken ct) =>
        ValueTask.FromResult<Result<OrganizationResponse>>(OrganizationResponse.From(current.Organization));
}
