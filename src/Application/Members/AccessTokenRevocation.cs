namespace UnifiedCustomers.Application.Members;

/// <summary>
/// Archiving (a merge archives the merged-away customer) and erasing end a customer's tokens for good
/// (docs/adr/0019): revoked, not just refused while archived, so restoring the customer revives none.
/// </summary>
internal static class AccessTokenRevocation
{
    public static async Task RevokeEveryTokenOfAsync(this IAppDbContext db, IReadOnlyCollection<Guid> customers, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var token in await db.CustomerAccessTokens.Where(t => customers.Contains(t.CustomerId) && t.RevokedAt == null).ToListAsync(ct))
            token.Revoke(now);
    }
}
