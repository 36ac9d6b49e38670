using UnifiedCustomers.Application.Common.Edge;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Infrastructure.Organizations;

/// <summary>
/// Finds the organization a public request names by its slug. organizations has no row-level
/// security (it is what the tenant is looked up from), and the slug is public anyway.
/// </summary>
internal sealed class OrganizationSlugs(AppDbContext db, ConnectionRecovery recovery) : IOrganizationSlugs
{
    public async Task<PublicOrganization?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        // No organization's slug holds control characters (PostgreSQL refuses NUL in a parameter).
        if (slug.Length > Organization.SlugMaxLength || !CleanText.IsClean(slug)) return null;
        var normalized = slug.Trim().ToLowerInvariant();
        // Often the first statement of a request: after a database restart it may meet a dead pooled connection.
        return await recovery.ReadAsync(db, () => db.Organizations.AsNoTracking()
            .Where(o => o.Slug == normalized)
            .Select(o => new PublicOrganization(o.Id, o.AllowedOrigins))
            .FirstOrDefaultAsync(cancellationToken));
    }
}
