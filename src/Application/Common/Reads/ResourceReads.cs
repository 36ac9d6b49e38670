using System.Linq.Expressions;

namespace UnifiedCustomers.Application.Common.Reads;

/// <summary>
/// Reads one of the organization's rows by id, projected to its response, or answers the
/// resource's not-found error. The generator takes no generic requests, so each use case keeps its
/// query record and a handler class that names this read (see docs/adr/0032).
/// </summary>
internal abstract class FindByIdHandler<TQuery, TEntity, TResponse>(
    IQueryable<TEntity> rows, TypeAdapterConfig mapping, Func<TQuery, Guid> id, Error notFound)
    : IQueryHandler<TQuery, Result<TResponse>>
    where TQuery : ITenantQuery<Result<TResponse>>
    where TEntity : Entity, ITenantOwned
{
    public async ValueTask<Result<TResponse>> Handle(TQuery query, CancellationToken ct)
    {
        var wanted = id(query);
        var found = await rows.AsNoTracking()
            .Where(e => e.Id == wanted)
            .ProjectToType<TResponse>(mapping)
            .FirstOrDefaultAsync(ct);
        return found is null ? notFound : Result.Success(found);
    }
}

/// <summary>Lists all the organization's rows of one kind by name (then id), projected to their response.</summary>
internal abstract class ListByNameHandler<TQuery, TEntity, TResponse>(
    IQueryable<TEntity> rows, TypeAdapterConfig mapping, Expression<Func<TEntity, string>> name)
    : IQueryHandler<TQuery, Result<IReadOnlyList<TResponse>>>
    where TQuery : ITenantQuery<Result<IReadOnlyList<TResponse>>>
    where TEntity : Entity, ITenantOwned
{
    public async ValueTask<Result<IReadOnlyList<TResponse>>> Handle(TQuery query, CancellationToken ct)
    {
        var all = await rows.AsNoTracking()
            .OrderBy(name).ThenBy(e => e.Id)
            .ProjectToType<TResponse>(mapping)
            .ToListAsync(ct);
        return Result.Success<IReadOnlyList<TResponse>>(all);
    }
}
