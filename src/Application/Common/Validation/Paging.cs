namespace UnifiedCustomers.Application.Common.Validation;

/// <summary>
/// The one paging contract of every paged list: <c>page</c> (1 to <see cref="MaxPage"/>, default 1)
/// and <c>pageSize</c> (1 to <see cref="MaxPageSize"/>, default <see cref="DefaultPageSize"/>); the
/// answer is a <see cref="PagedList{T}"/> with the total. The bounds keep (page - 1) × pageSize far
/// from overflowing the SQL OFFSET.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;

    /// <summary>Rows to skip for a validated page.</summary>
    public static int Offset(this IPagedQuery query) => (query.Page - 1) * query.PageSize;

    /// <summary>The query's page of <paramref name="ordered"/> and how many rows there are in all.</summary>
    public static async Task<(List<T> Items, int Total)> PageOfAsync<T>(this IPagedQuery query, IQueryable<T> ordered, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(query.Offset()).Take(query.PageSize).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>The answer to a paged query: its page's items and the total.</summary>
    public static PagedList<T> Answer<T>(this IPagedQuery query, IReadOnlyList<T> items, int total) => new(items, query.Page, query.PageSize, total);
}

/// <summary>A query that answers one page of a list; its validator includes <see cref="PageRules"/>.</summary>
public interface IPagedQuery
{
    int Page { get; }
    int PageSize { get; }
}

internal sealed class PageRules : AbstractValidator<IPagedQuery>
{
    public PageRules()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"Pages are numbered from 1 to {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"A page holds between 1 and {Paging.MaxPageSize} items.");
    }
}
