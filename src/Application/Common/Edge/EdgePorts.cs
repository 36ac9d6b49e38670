namespace UnifiedCustomers.Application.Common.Edge;

/// <summary>
/// Whether the database holds the schema this build requires (readiness, and the job scheduler's wait
/// during a rollout). The API asks; it does not ship the migrations (docs/adr/0033).
/// </summary>
public interface ISchemaStatus
{
    Task<SchemaState> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>What <see cref="ISchemaStatus"/> found.</summary>
public abstract record SchemaState
{
    private SchemaState() { }

    public sealed record Current : SchemaState;

    /// <param name="Missing">the migration this build requires (its newest, <c>SchemaVersion.Required</c>), absent from the
    /// database's history; older missing ones are not listed</param>
    public sealed record Behind(IReadOnlyList<string> Missing) : SchemaState;

    /// <param name="Reason">one sentence for an operator</param>
    public sealed record Unreachable(string Reason) : SchemaState;
}

/// <summary>The organization an API key acts for.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, Guid OrganizationId, string Name);

/// <summary>Staff API keys, as the authentication of a request sees them.</summary>
public interface IApiKeys
{
    /// <returns>null when no live key matches</returns>
    Task<ApiKeyIdentity?> RecogniseAsync(string key, CancellationToken cancellationToken);
}

/// <summary>An organization as its public widget addresses it.</summary>
public sealed record PublicOrganization(Guid Id, string[] AllowedOrigins);

/// <summary>The public widget's way in: the slug in its URL.</summary>
public interface IOrganizationSlugs
{
    /// <returns>null when no organization has that slug</returns>
    Task<PublicOrganization?> FindAsync(string slug, CancellationToken cancellationToken);
}
