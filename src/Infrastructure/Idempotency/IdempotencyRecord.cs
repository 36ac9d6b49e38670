using UnifiedCustomers.Application.Common.Edge;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Infrastructure.Idempotency;

/// <summary>
/// The first answer to a creating request sent with an Idempotency-Key, kept 24 hours so a retry
/// gets the same answer. Status is null while the first request is still running.
/// </summary>
internal sealed class IdempotencyRecord : ITenantOwned
{
    public const int KeyMaxLength = IdempotencyClaim.KeyMaxLength;

    private IdempotencyRecord() { }

    public Guid OrganizationId { get; private set; }
    public string Key { get; private set; } = "";
    public byte[] RequestHash { get; private set; } = [];
    public int? Status { get; private set; }
    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public byte[]? ResponseBody { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
