using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Catalog;

internal static class ClassTypeQueries
{
    /// <summary>Whether every id names a class type of the organization: plans and packs cover only their own studio's classes.</summary>
    public static async Task<bool> AllExistAsync(this IQueryable<ClassType> classTypes, Guid organizationId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 || await classTypes.CountAsync(t => t.OrganizationId == organizationId && ids.Contains(t.Id), ct) == ids.Count;
}
