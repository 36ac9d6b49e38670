using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Public;

internal sealed record PublicOrganization(Guid Id, string TimeZone);

/// <summary>
/// Finds the organization a public request names by its slug. organizations has no row-level
/// security (it is what the tenant is looked up from), and the slug is public anyway.
/// </summary>
internal sealed class OrganizationDirectory(AppDbContext db)
{
    private const string Found = "uc.public_organization";

    public async Task<PublicOrganization?> FromRouteAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(Found, out var cached)) return (PublicOrganization?)cached;
        var organization = context.GetRouteValue("slug") is string slug ? await FindAsync(slug, context.RequestAborted) : null;
        context.Items[Found] = organization;
        return organization;
    }

    private async Task<PublicOrganization?> FindAsync(string slug, CancellationToken ct)
    {
        // No organization's slug holds control characters (PostgreSQL refuses NUL in a parameter).
        if (slug.Length > Domain.Organizations.Organization.SlugMaxLength || !Domain.Common.CleanText.IsClean(slug)) return null;
        var normalized = slug.Trim().ToLowerInvariant();
        return await db.Organizations.AsNoTracking()
            .Where(o => o.Slug == normalized)
            .Select(o => new PublicOrganization(o.Id, o.TimeZone))
            .FirstOrDefaultAsync(ct);
    }
}
