namespace UnifiedCustomers.Infrastructure.Persistence.Tenancy;

/// <summary>
/// The only ways past the tenant filter, each named for why; they live in Infrastructure, so no
/// use case can read across organizations by accident.
/// </summary>
internal static class TenantQueries
{
    /// <summary>
    /// Work that is across organizations on purpose and runs before (or outside) any organization's
    /// scope: an API key's lookup, the scheduled jobs' listings.
    /// </summary>
    public static IQueryable<T> AcrossOrganizations<T>(this IQueryable<T> query) where T : class =>
        query.IgnoreQueryFilters([TenantFilter.Name]);

    /// <summary>Raw SQL that already names its organization (row locks with FOR UPDATE, which EF could not wrap).</summary>
    public static IQueryable<T> FilteredByItsOwnSql<T>(this IQueryable<T> query) where T : class =>
        query.IgnoreQueryFilters([TenantFilter.Name]);
}
