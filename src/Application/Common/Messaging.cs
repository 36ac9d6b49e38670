using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Common;

/// <summary>Every use case runs inside one organization; the pipeline scopes the database to it.</summary>
public interface ITenantRequest
{
    Guid OrganizationId { get; }
}

/// <summary>
/// A use case that needs its organization (time zone, country, policy): the pipeline loads it once
/// and answers organization.not_found before the handler runs (see OrganizationBehavior); the
/// handler takes it from <see cref="CurrentOrganization"/>.
/// </summary>
public interface IOrganizationRequest : ITenantRequest;

/// <summary>The organization of the request being handled, loaded by the pipeline (Behaviors/OrganizationBehavior).</summary>
public sealed class CurrentOrganization
{
    private Organization? _organization;

    /// <summary>Tracked, so a command may change it.</summary>
    public Organization Organization =>
        _organization ?? throw new InvalidOperationException("No organization was loaded: the request is not an IOrganizationRequest.");

    internal void Set(Organization organization) => _organization = organization;
}

/// <summary>A use case that changes state: it runs in one transaction (see UnitOfWorkBehavior).</summary>
public interface ITenantCommand<TResponse> : ICommand<TResponse>, ITenantRequest;

/// <summary>A use case that only reads: no write transaction.</summary>
public interface ITenantQuery<TResponse> : IQuery<TResponse>, ITenantRequest;

/// <summary>A page of results and how many there are in all.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
