using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Infrastructure.Persistence.Tenancy;

/// <summary>
/// The one place a query is limited to its organization: a named query filter on every entity that
/// implements <see cref="ITenantOwned"/>, comparing its organization with the one the unit of work
/// scoped the context to (docs/adr/0030). Row-level security stays the wall behind it.
/// </summary>
internal static class TenantFilter
{
    /// <summary>The filter's name, for the few queries that opt out (<see cref="TenantQueries"/>).</summary>
    public const string Name = "tenant";

    private static readonly PropertyInfo InScope =
        typeof(AppDbContext).GetProperty(nameof(AppDbContext.OrganizationInScope), BindingFlags.Instance | BindingFlags.NonPublic)!;

    public static void Apply(ModelBuilder modelBuilder, AppDbContext context)
    {
        foreach (var type in TenantOwned(modelBuilder.Model))
        {
            // e => e.OrganizationId == context.OrganizationInScope; EF reads the context's value on every execution.
            var entity = Expression.Parameter(type, "e");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(entity, nameof(ITenantOwned.OrganizationId)),
                    Expression.Property(Expression.Constant(context), InScope)),
                entity);
            modelBuilder.Entity(type).HasQueryFilter(Name, filter);
        }
    }

    /// <summary>The root entity types that belong to one organization.</summary>
    public static IEnumerable<Type> TenantOwned(IReadOnlyModel model) =>
        model.GetEntityTypes()
            .Where(e => e.BaseType is null && !e.IsOwned() && typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .Select(e => e.ClrType)
            .ToList();
}

/// <summary>
/// The model of a context with the filter differs from that of the tools' context without it
/// (<see cref="AppDbContext.Create"/>), so EF caches one of each.
/// </summary>
internal sealed class TenantModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is AppDbContext { IsTenantFiltered: true }, designTime);
}

/// <summary>A tenant query ran with no organization in scope: a bug (it would read across organizations), never an answer.</summary>
public sealed class TenantScopeMissingException() : InvalidOperationException(
    "A query of a tenant-owned entity ran outside a unit of work: no organization is in scope. " +
    "Run it through the mediator (a tenant command or query), or opt out explicitly in Infrastructure (TenantQueries).");
