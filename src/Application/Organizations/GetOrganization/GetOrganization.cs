namespace UnifiedCustomers.Application.Organizations.GetOrganization;

/// <summary>The studio's settings: name, time zone, country and booking policy.</summary>
public sealed record GetOrganizationQuery(Guid OrganizationId) : ITenantQuery<Result<OrganizationResponse>>;

internal sealed class GetOrganizationHandler(IAppDbContext db) : IQueryHandler<GetOrganizationQuery, Result<OrganizationResponse>>
{
    public async ValueTask<Result<OrganizationResponse>> Handle(GetOrganizationQuery query, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.OrganizationId, ct);
        return organization is null ? ApplicationErrors.OrganizationNotFound : OrganizationResponse.From(organization);
    }
}
