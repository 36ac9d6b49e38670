namespace UnifiedCustomers.Api.Public;

/// <summary>The organization a public request names by its slug, looked up once per request (CORS, idempotency and the endpoint all ask).</summary>
internal sealed class OrganizationDirectory(IOrganizationSlugs slugs)
{
    private const string Found = "uc.public_organization";

    private const string Slug = "slug";

    /// <summary>Whether the route names its studio by slug (a public route), whatever credentials the caller sends.</summary>
    public static bool NamesTheStudio(HttpContext context) => context.GetRouteValue(Slug) is string;

    public async Task<PublicOrganization?> FromRouteAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(Found, out var cached)) return (PublicOrganization?)cached;
        var organization = context.GetRouteValue(Slug) is string slug ? await slugs.FindAsync(slug, context.RequestAborted) : null;
        context.Items[Found] = organization;
        return organization;
    }
}
