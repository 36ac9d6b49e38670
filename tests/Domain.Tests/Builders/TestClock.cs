using Microsoft.Extensions.Time.Testing;

namespace UnifiedCustomers.Domain.Tests.Builders;

internal static class TestClock
{
    /// <summary>Monday 1 June 2026, 08:00 UTC: far from any daylight-saving change, so windows read plainly.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 6, 1);

    public static FakeTimeProvider Create() => new(Start);
}
