using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Catalog.ListClassTypes;

/// <summary>The organization's class types by name.</summary>
public sealed record ListClassTypesQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<ClassTypeResponse>>>;

internal sealed class ListClassTypesHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : ListByNameHandler<ListClassTypesQuery, ClassType, ClassTypeResponse>(db.ClassTypes, mapping, c => c.Name);
