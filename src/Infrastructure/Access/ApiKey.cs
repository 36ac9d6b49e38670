using UnifiedCustomers.Domain.Common;
using System.Security.Cryptography;
using System.Text;

namespace UnifiedCustomers.Infrastructure.Access;

/// <summary>
/// A staff API key of one organization. Only a SHA-256 hash is stored; the prefix (shown in
/// listings and used to find the row) is not secret. The key itself is printed once, at creation.
/// </summary>
internal sealed class ApiKey : ITenantOwned
{
    public const string Scheme = "uc_live_";
    public const int NameMaxLength = 100;
    public const int PrefixLength = 16;

    // 40 characters of base62: about 238 random bits.
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private ApiKey() { }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public string KeyPrefix { get; private set; } = "";
    public byte[] KeyHash { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <returns>the row to store and the key to hand over (never stored)</returns>
    public static (ApiKey Row, string Key) Issue(Guid organizationId, string name, DateTimeOffset now)
    {
        var key = Scheme + RandomNumberGenerator.GetString(Alphabet, 40);
        var row = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Name = name.Trim()[..Math.Min(name.Trim().Length, NameMaxLength)],
            KeyPrefix = PrefixOf(key)!,
            KeyHash = Hash(key),
            CreatedAt = now,
        };
        return (row, key);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>null when the text cannot be one of our keys, so no lookup is spent on it.</summary>
    public static string? PrefixOf(string key) =>
        key.StartsWith(Scheme, StringComparison.Ordinal) && key.Length > PrefixLength + 8 && key.Length <= 200 ? key[..PrefixLength] : null;

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Matches(string key) => RevokedAt is null && CryptographicOperations.FixedTimeEquals(KeyHash, Hash(key));
}
