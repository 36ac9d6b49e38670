namespace UnifiedCustomers.Domain.Scheduling;

public enum SessionStatus
{
    Scheduled,
    Cancelled,
}
