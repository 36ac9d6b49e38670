namespace UnifiedCustomers.Domain.Scheduling;

/// <summary>What instructors and locations share: a name unique in the organization, deactivation instead of deletion.</summary>
public interface IScheduleResource : ITenantOwned, IDeactivatable
{
    Guid Id { get; }
    string Name { get; }
    Result Rename(string name);
}
