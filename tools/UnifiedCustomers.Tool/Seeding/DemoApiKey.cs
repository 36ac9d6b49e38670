using UnifiedCustomers.Infrastructure.Access;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Tool.Seeding;

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
        var kept = File.Exists(keyFile) ? await File.ReadAllTextAsync(keyFile, ct) : null;
        var key = await ApiKeyStore.ReuseOrIssueAsync(db, DemoSeed.Slug, Name, kept, clock.GetUtcNow(), ct);
        if (key is null || key == kept?.Trim()) return key;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        await File.WriteAllTextAsync(keyFile, key + Environment.NewLine, ct);
        return key;
    }
}
