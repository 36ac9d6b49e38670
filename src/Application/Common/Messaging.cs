namespace UnifiedCustomers.Application.Common;

/// <summary>Every use case runs inside one organization; the pipeline scopes the database to it.</summary>
public interface ITenantRequest
{
    Guid OrganizationId { get; }
}

/// <summary>A use case that changes state: it runs in one transaction (see UnitOfWorkBehavior).</summary>
public interface ITenantCommand<TResponse> : ICommand<TResponse>, ITenantRequest;

/// <summary>A use case that only reads: no write transaction.</summary>
public interface ITenantQuery<TResponse> : IQuery<TResponse>, ITenantRequest;

/// <summary>A page of results and how many there are in all.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
