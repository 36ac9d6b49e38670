using UnifiedCustomers.Application.Common.Edge;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Infrastructure.Persistence.Tenancy;

namespace UnifiedCustomers.Infrastructure.Access;

/// <summary>
/// Issues keys (owner connection: the CLI, the demo seed, tests) and recognises them (the API).
/// api_keys has no row-level security: it is read before the organization is known, and the
/// API's role may only read it.
/// </summary>
internal static class ApiKeyStore
{
    /// <returns>the key, to print once; null when no organization has that slug</returns>
    public static async Task<string?> IssueAsync(AppDbContext db, string organizationSlug, string name, DateTimeOffset now, CancellationToken ct = default)
    {
        var slug = organizationSlug.Trim().ToLowerInvariant();
        var organizationId = await db.Organizations.Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (organizationId is null) return null;
        var (row, key) = ApiKey.Issue(organizationId.Value, name, now);
        db.Set<ApiKey>().Add(row);
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The key kept from an earlier run while it still works for that organization, else a new one.</summary>
    /// <returns>null when no organization has that slug</returns>
    public static async Task<string?> ReuseOrIssueAsync(AppDbContext db, string organizationSlug, string name, string? kept, DateTimeOffset now, CancellationToken ct = default)
    {
        if (kept is not null && await RecogniseAsync(db, kept.Trim(), ct) is { } identity
            && await db.Organizations.AnyAsync(o => o.Id == identity.OrganizationId && o.Slug == organizationSlug, ct))
            return kept.Trim();
        return await IssueAsync(db, organizationSlug, name, now, ct);
    }

    /// <param name="keyOrPrefix">the key, or its first 16 characters as listed</param>
    /// <returns>false when no key has that prefix</returns>
    public static async Task<bool> RevokeAsync(AppDbContext db, string keyOrPrefix, DateTimeOffset now, CancellationToken ct = default)
    {
        var prefix = keyOrPrefix.Trim()[..Math.Min(keyOrPrefix.Trim().Length, ApiKey.PrefixLength)];
        var row = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.KeyPrefix == prefix, ct);
        if (row is null) return false;
        row.Revoke(now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static async Task<ApiKeyIdentity?> RecogniseAsync(AppDbContext db, string key, CancellationToken ct)
    {
        if (ApiKey.PrefixOf(key) is not { } prefix) return null;
        // Before any organization is known: the key says which one.
        var row = await db.Set<ApiKey>().AsNoTracking().AcrossOrganizations().FirstOrDefaultAsync(k => k.KeyPrefix == prefix, ct);
        return row is not null && row.Matches(key) ? new ApiKeyIdentity(row.Id, row.OrganizationId, row.Name) : null;
    }
}

/// <summary>The API's lookup of a presented key, on the request's context.</summary>
internal sealed class ApiKeys(AppDbContext db, ConnectionRecovery recovery) : IApiKeys
{
    // The first statement of a staff request whose key is not cached: after a database restart it may meet a dead pooled connection.
    public Task<ApiKeyIdentity?> RecogniseAsync(string key, CancellationToken cancellationToken) =>
        recovery.ReadAsync(db, () => ApiKeyStore.RecogniseAsync(db, key, cancellationToken));
}
