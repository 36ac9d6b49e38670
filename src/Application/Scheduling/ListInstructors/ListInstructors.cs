using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.ListInstructors;

/// <summary>The organization's instructors by name, deactivated ones included (they still teach the sessions they had).</summary>
public sealed record ListInstructorsQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<InstructorResponse>>>;

internal sealed class ListInstructorsHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : ListByNameHandler<ListInstructorsQuery, Instructor, InstructorResponse>(db.Instructors, mapping, i => i.Name);
