namespace UnifiedCustomers.Application.Common.Edge;

/// <summary>The answer kept for an Idempotency-Key: replayed as it was.</summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>What a request with an Idempotency-Key may do: run (it is the first), replay, or nothing (the key was used for another request).</summary>
public abstract record IdempotencyClaim
{
    public const int KeyMaxLength = 100;

    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;

    public sealed record KeyReused : IdempotencyClaim;

    /// <summary>
    /// This request is the first with its key. The key is held in the request's own transaction, which
    /// the command then joins: the command's writes and the answer commit together, or neither does
    /// (disposing without completing rolls both back). See docs/adr/0006.
    /// </summary>
    public abstract record First : IdempotencyClaim, IAsyncDisposable
    {
        /// <summary>Keeps the answer and commits the request's transaction.</summary>
        public abstract Task CompleteAsync(StoredResponse response, CancellationToken cancellationToken);

        public abstract ValueTask DisposeAsync();
    }
}

/// <summary>Keeps the first answer per (organization, Idempotency-Key).</summary>
public interface IIdempotencyStore
{
    Task<IdempotencyClaim> ClaimAsync(Guid organizationId, string key, byte[] requestHash, CancellationToken cancellationToken);
}
