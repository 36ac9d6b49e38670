using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Domain.Tests.Builders;

internal sealed class SessionBuilder
{
    /// <summary>Wednesday 3 June 2026, 18:00 UTC: two and a half days after the test clock starts.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 6, 3, 18, 0, 0, TimeSpan.Zero);

    private Guid _organizationId = A.StudioId;
    private Guid? _classTypeId;
    private DateTimeOffset _startsAt = DefaultStart;
    private TimeSpan _duration = TimeSpan.FromHours(1);
    private int _capacity = 10;

    public SessionBuilder In(Guid organizationId)
    {
        _organizationId = organizationId;
        return this;
    }

    public SessionBuilder OfType(Guid classTypeId)
    {
        _classTypeId = classTypeId;
        return this;
    }

    public SessionBuilder StartingAt(DateTimeOffset startsAt)
    {
        _startsAt = startsAt;
        return this;
    }

    public SessionBuilder Lasting(TimeSpan duration)
    {
        _duration = duration;
        return this;
    }

    public SessionBuilder WithCapacity(int capacity)
    {
        _capacity = capacity;
        return this;
    }

    public ClassSession Build()
    {
        var type = ClassType.Create(_organizationId, "Vinyasa Flow", 12, 60, TestClock.Start, _classTypeId).ShouldSucceed();
        return ClassSession.Schedule(type, _startsAt, _startsAt + _duration, _capacity, null, null, TestClock.Start).ShouldSucceed();
    }
}
