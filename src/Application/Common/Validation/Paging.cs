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
