using System.Linq.Expressions;

namespace UnifiedCustomers.Domain.Common;

/// <summary>
/// A named, reusable query over one aggregate: criteria, ordering and paging. Infrastructure's
/// evaluator applies it to an IQueryable (see docs/adr/0002).
/// </summary>
public abstract class Specification<T>
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<(LambdaExpression Key, bool Descending)> _ordering = [];

    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;
    public IReadOnlyList<(LambdaExpression Key, bool Descending)> Ordering => _ordering;
    public int? Skip { get; private set; }
    public int? Take { get; private set; }

    protected void Where(Expression<Func<T, bool>> criterion) => _criteria.Add(criterion);
    protected void OrderBy<TKey>(Expression<Func<T, TKey>> key) => _ordering.Add((key, false));
    protected void OrderByDescending<TKey>(Expression<Func<T, TKey>> key) => _ordering.Add((key, true));

    protected void Page(int page, int pageSize)
    {
        Skip = (page - 1) * pageSize;
        Take = pageSize;
    }
}
