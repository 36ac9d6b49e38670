using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Catalog;

internal static class ClassTypeQueries
{
    /// <summary>Whether every id names a class type of the organization: plans and packs cover only their own studio's classes.</summary>
    public static async Task<bool> AllExistAsync(this IQueryable<ClassType> classTypes, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 || await classTypes.CountAsync(t => ids.Contains(t.Id), ct) == ids.Count;

    /// <summary>The class types a plan or pack is to cover, each once (none: every class type); all of them the organization's.</summary>
    public static async Task<Result<IReadOnlyList<Guid>>> CoveredAsync(
        this IQueryable<ClassType> classTypes, IEnumerable<Guid>? ids, CancellationToken ct)
    {
        var distinct = (ids ?? []).Distinct().ToList();
        if (!await classTypes.AllExistAsync(distinct, ct)) return SessionErrors.ClassTypeNotFound;
        return distinct;
    }
}
