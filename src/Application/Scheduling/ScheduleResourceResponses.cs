using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling;

/// <param name="IsActive">false: keeps the sessions it teaches, gets no new ones</param>
public sealed record InstructorResponse(Guid Id, string Name, bool IsActive);

/// <param name="IsActive">false: keeps the sessions held there, gets no new ones</param>
public sealed record LocationResponse(Guid Id, string Name, bool IsActive);

internal sealed class ScheduleResourceMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Instructor, InstructorResponse>();
        config.NewConfig<Location, LocationResponse>();
    }
}
