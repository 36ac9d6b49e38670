namespace UnifiedCustomers.Domain.Scheduling;

internal static class ScheduleResource
{
    public static bool IsValidName(string? name, int maxLength) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= maxLength;
}
