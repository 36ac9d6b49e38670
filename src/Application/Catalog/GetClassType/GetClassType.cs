using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Catalog.GetClassType;

public sealed record GetClassTypeQuery(Guid OrganizationId, Guid ClassTypeId) : ITenantQuery<Result<ClassTypeResponse>>;

internal sealed class GetClassTypeValidator() : IdRequiredValidator<GetClassTypeQuery>(q => q.ClassTypeId, "Name the class type.");

internal sealed class GetClassTypeHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : FindByIdHandler<GetClassTypeQuery, ClassType, ClassTypeResponse>(db.ClassTypes, mapping, q => q.ClassTypeId, SessionErrors.ClassTypeNotFound);
