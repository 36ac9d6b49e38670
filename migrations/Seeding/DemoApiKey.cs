using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Infrastructure.Access;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Migrations.Seeding;

/// <summary>
/// The demo studio's API key for ./run.sh. Only its hash is in the database, so the key itself is
/// kept in a git-ignored file and reused while it still works; otherwise a new one is issued.
/// </summary>
internal static class DemoApiKey
{
    public const string Name = "demo (run.sh)";

    /// <returns>the key, or null when the demo organization is not seeded</returns>
    public static async Task<string?> EnsureAsync(string connectionString, string keyFile, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = AppDbContext.Create(connectionString);
        if (File.Exists(keyFile))
        {
            var kept = (await File.ReadAllTextAsync(keyFile, ct)).Trim();
            var identity = await ApiKeyStore.RecogniseAsync(db, kept, ct);
            var demo = await db.Organizations.Where(o => o.Slug == DemoSeed.Slug).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (identity is not null && identity.OrganizationId == demo) return kept;
        }
        var key = await ApiKeyStore.IssueAsync(db, DemoSeed.Slug, Name, clock.GetUtcNow(), ct);
        if (key is null) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        await File.WriteAllTextAsync(keyFile, key + Environment.NewLine, ct);
        return key;
    }
}
