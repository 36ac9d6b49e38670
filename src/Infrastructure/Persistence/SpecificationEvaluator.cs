using System.Linq.Expressions;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Infrastructure.Persistence;

/// <summary>Applies a specification's criteria, ordering and paging to a query.</summary>
internal static class SpecificationEvaluator
{
    public static IQueryable<T> Apply<T>(this IQueryable<T> query, Specification<T> specification)
    {
        foreach (var criterion in specification.Criteria) query = query.Where(criterion);
        IOrderedQueryable<T>? ordered = null;
        foreach (var (key, descending) in specification.Ordering)
        {
            var method = (ordered is null, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], (ordered ?? query).Expression, Expression.Quote(key));
            ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(call);
        }
        query = ordered ?? query;
        if (specification.Skip is { } skip) query = query.Skip(skip);
        if (specification.Take is { } take) query = query.Take(take);
        return query;
    }
}
