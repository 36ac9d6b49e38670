using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace UnifiedCustomers.Api.Access;

/// <summary>
/// Keys recognised in the last <c>Authentication:ApiKeyCacheSeconds</c> (default 30; 0 turns the cache
/// off), so a busy client does not pay a database round trip per request. The price: a revoked key keeps
/// working for at most that long. Entries are found by the key's SHA-256, never the key itself; unknown
/// keys are not remembered.
/// </summary>
internal sealed class ApiKeyCache(TimeProvider clock, IConfiguration configuration)
{
    public const string Setting = "Authentication:ApiKeyCacheSeconds";
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Identity, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue(Setting, 30)));

    public async Task<ApiKeyIdentity?> RecogniseAsync(string key, Func<string, Task<ApiKeyIdentity?>> lookup)
    {
        if (_lifetime == TimeSpan.Zero) return await lookup(key);
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(id, out var entry) && entry.Until > now) return entry.Identity;
        var identity = await lookup(key);
        if (identity is null)
        {
            _entries.TryRemove(id, out _);
            return null;
        }
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[id] = (identity, now + _lifetime);
        return identity;
    }
}
