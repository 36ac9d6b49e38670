using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Scheduling;

public sealed class ClassSessionTests
{
    private static readonly DateTimeOffset Start = SessionBuilder.DefaultStart;
    private static readonly BookingPolicy Policy = BookingPolicy.Default;

    private readonly ClassType _type = ClassType.Create(A.StudioId, "Barbell Club", 12, 45, TestClock.Start).ShouldSucceed();
    private readonly Instructor _maya = Instructor.Create(A.StudioId, " Maya ", TestClock.Start).ShouldSucceed();
    private readonly Location _studio2 = Location.Create(A.StudioId, "Studio 2", TestClock.Start).ShouldSucceed();

    [Fact]
    public void Schedule_WhenEndAndCapacityAreOmitted_TakesTheTypesDefaults()
    {
        var session = ClassSession.Schedule(_type, Start, null, null, null, null, TestClock.Start).ShouldSucceed();

        session.Should().BeEquivalentTo(new
        {
            OrganizationId = A.StudioId,
            ClassTypeId = _type.Id,
            StartsAt = Start,
            EndsAt = Start.AddMinutes(45),
            Capacity = 12,
            InstructorId = (Guid?)null,
            LocationId = (Guid?)null,
            Status = SessionStatus.Scheduled,
        });
    }

    [Fact]
    public void Schedule_WhenGivenALocalOffset_StoresUtcInstants()
    {
        var session = ClassSession.Schedule(_type, new DateTimeOffset(2026, 6, 3, 19, 0, 0, TimeSpan.FromHours(1)), null, 8, _maya, _studio2, TestClock.Start)
            .ShouldSucceed();

        (session.StartsAt.Offset, session.EndsAt.Offset).Should().Be((TimeSpan.Zero, TimeSpan.Zero));
        session.StartsAt.Should().Be(Start);
        (session.Capacity, session.InstructorId, session.LocationId).Should().Be((8, _maya.Id, _studio2.Id));
        _maya.Name.Should().Be("Maya");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(24 * 60 + 1)]
    public void Schedule_WhenEndIsNotAfterStartOrMoreThanADayLater_FailsWithTimesInvalid(int minutes) =>
        ClassSession.Schedule(_type, Start, Start.AddMinutes(minutes), null, null, null, TestClock.Start).ShouldFailWith("session.times_invalid");

    [Fact]
    public void Schedule_WhenExactlyADayLong_Succeeds() =>
        ClassSession.Schedule(_type, Start, Start.AddHours(24), null, null, null, TestClock.Start).ShouldSucceed();

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Schedule_WhenCapacityIsOutsideOneToAThousand_FailsWithCapacityInvalid(int capacity) =>
        ClassSession.Schedule(_type, Start, null, capacity, null, null, TestClock.Start).ShouldFailWith("session.capacity_invalid");

    [Fact]
    public void Schedule_WhenTheInstructorOrLocationIsDeactivated_FailsWithInactive()
    {
        _maya.Deactivate();
        _studio2.Deactivate();

        ClassSession.Schedule(_type, Start, null, null, _maya, null, TestClock.Start).ShouldFailWith("instructor.inactive");
        ClassSession.Schedule(_type, Start, null, null, null, _studio2, TestClock.Start).ShouldFailWith("location.inactive");
    }

    [Fact]
    public void Schedule_WhenTheClassTypeIsDeactivated_FailsWithClassTypeInactive()
    {
        _type.Deactivate();

        ClassSession.Schedule(_type, Start, null, null, null, null, TestClock.Start).ShouldFailWith("class_type.inactive");
    }

    [Fact]
    public void Reschedule_WithAStartOnly_KeepsTheLengthAndStoresUtc()
    {
        var session = ClassSession.Schedule(_type, Start, null, null, null, null, TestClock.Start).ShouldSucceed();

        session.Reschedule(new DateTimeOffset(2026, 6, 5, 9, 0, 0, TimeSpan.FromHours(1)), null, seatsTaken: 0, TestClock.Start).ShouldSucceed();

        (session.StartsAt, session.EndsAt).Should().Be((new DateTimeOffset(2026, 6, 5, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 5, 8, 45, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Reschedule_WhenStartedCancelledIntoThePastOrTooLong_FailsWithTheNamedRule()
    {
        var session = ClassSession.Schedule(_type, Start, null, null, null, null, TestClock.Start).ShouldSucceed();

        session.Reschedule(TestClock.Start.AddMinutes(-1), null, seatsTaken: 0, TestClock.Start).ShouldFailWith("session.start_in_past");
        session.Reschedule(Start.AddDays(1), Start.AddDays(1), seatsTaken: 0, TestClock.Start).ShouldFailWith("session.times_invalid");
        session.Reschedule(Start.AddDays(1), null, seatsTaken: 0, Start.AddMinutes(1)).ShouldFailWith("session.started");
        session.Cancel(TestClock.Start).ShouldSucceed();
        session.Reschedule(Start.AddDays(1), null, seatsTaken: 0, TestClock.Start).ShouldFailWith("session.cancelled");
        session.StartsAt.Should().Be(Start);
    }

    [Fact]
    public void ChangeCapacity_BelowTheSeatsHeld_FailsWithCapacityBelowBooked_AtOrAbove_Succeeds()
    {
        var session = ClassSession.Schedule(_type, Start, null, 10, null, null, TestClock.Start).ShouldSucceed();

        session.ChangeCapacity(5, seatsHeld: 6, TestClock.Start).ShouldFailWith("session.capacity_below_booked");
        session.Capacity.Should().Be(10);
        session.ChangeCapacity(6, seatsHeld: 6, TestClock.Start).ShouldSucceed();
        session.Capacity.Should().Be(6);
        session.ChangeCapacity(1001, seatsHeld: 0, TestClock.Start).ShouldFailWith("session.capacity_invalid");
        session.ChangeCapacity(20, seatsHeld: 0, Start).ShouldFailWith("session.started");
    }

    [Fact]
    public void AssignInstructorAndMoveTo_SetOrClear_AndRefuseAnInactiveNewcomer()
    {
        var session = ClassSession.Schedule(_type, Start, null, null, _maya, _studio2, TestClock.Start).ShouldSucceed();
        var tom = Instructor.Create(A.StudioId, "Tom", TestClock.Start).ShouldSucceed();
        tom.Deactivate();
        _maya.Deactivate();

        session.AssignInstructor(tom).ShouldFailWith("instructor.inactive");
        session.AssignInstructor(_maya).ShouldSucceed();
        session.AssignInstructor(null).ShouldSucceed();
        session.MoveTo(null).ShouldSucceed();

        (session.InstructorId, session.LocationId).Should().Be(((Guid?)null, (Guid?)null));
    }

    [Fact]
    public void InstructorAndLocation_RenamedToBlankOrTooLong_FailWithNameInvalid_AndKeepTheirName()
    {
        _maya.Rename(" ").ShouldFailWith("instructor.name_invalid");
        _studio2.Rename(new string('x', 121)).ShouldFailWith("location.name_invalid");
        _maya.Rename(" Maya L ").ShouldSucceed();

        (_maya.Name, _studio2.Name).Should().Be(("Maya L", "Studio 2"));
    }

    [Fact]
    public void ClassType_ChangeDefaults_OutOfRange_FailsNamingTheField_AndKeepsTheOldOnes()
    {
        _type.ChangeDefaults(0, 60).ShouldFailWith("class_type.capacity_invalid");
        _type.ChangeDefaults(10, 4).ShouldFailWith("class_type.duration_invalid");
        _type.ChangeDefaults(20, 90).ShouldSucceed();

        (_type.DefaultCapacity, _type.DefaultDurationMinutes).Should().Be((20, 90));
    }

    [Theory]
    [InlineData("", 10, 60, "class_type.name_required")]
    [InlineData("Flow", 0, 60, "class_type.capacity_invalid")]
    [InlineData("Flow", 1001, 60, "class_type.capacity_invalid")]
    [InlineData("Flow", 10, 4, "class_type.duration_invalid")]
    [InlineData("Flow", 10, 24 * 60 + 1, "class_type.duration_invalid")]
    public void ClassTypeCreate_WhenAValueIsOutOfRange_FailsNamingIt(string name, int capacity, int duration, string code) =>
        ClassType.Create(A.StudioId, name, capacity, duration, TestClock.Start).ShouldFailWith(code);

    [Fact]
    public void ClassTypeCreate_WhenNameIsLongerThan120_FailsWithNameTooLong() =>
        ClassType.Create(A.StudioId, new string('n', 121), 10, 60, TestClock.Start).ShouldFailWith("class_type.name_too_long");

    [Fact]
    public void EnsureOpenForBooking_WhenInsideTheWindow_Succeeds() =>
        A.Session.Build().EnsureOpenForBooking(Policy, Start.AddDays(-1)).ShouldSucceed();

    [Fact]
    public void EnsureOpenForBooking_WhenCancelled_FailsWithCancelled()
    {
        var session = A.Session.Build();
        session.Cancel(TestClock.Start).ShouldSucceed();

        session.EnsureOpenForBooking(Policy, Start.AddDays(-1)).ShouldFailWith("session.cancelled");
    }

    [Fact]
    public void EnsureOpenForBooking_WhenStarted_FailsWithStarted() =>
        A.Session.Build().EnsureOpenForBooking(Policy, Start).ShouldFailWith("session.started");

    [Fact]
    public void EnsureOpenForBooking_WhenBeforeTheWindowOpens_FailsWithWindowNotOpen()
    {
        var session = A.Session.Build();

        session.EnsureOpenForBooking(Policy, Start.AddDays(-14).AddSeconds(-1)).ShouldFailWith("booking.window_not_open");
        session.EnsureOpenForBooking(Policy, Start.AddDays(-14)).ShouldSucceed();
    }

    [Fact]
    public void EnsureOpenForBooking_WhenPastTheClosingTime_FailsWithWindowClosed()
    {
        var session = A.Session.Build();
        var policy = new BookingPolicy { BookingClosesMinutesBefore = 30 };

        session.EnsureOpenForBooking(policy, Start.AddMinutes(-29)).ShouldFailWith("booking.window_closed");
        session.EnsureOpenForBooking(policy, Start.AddMinutes(-30)).ShouldSucceed();
    }

    [Fact]
    public void Admit_WhenASeatIsFree_GivesASeat() =>
        A.Session.WithCapacity(2).Build().Admit(1, 0, false, Policy).ShouldSucceed().Should().Be(new Admission(false, null));

    [Fact]
    public void Admit_WhenFullAndNoWaitlistWanted_FailsWithFull() =>
        A.Session.WithCapacity(2).Build().Admit(2, 0, false, Policy).ShouldFailWith("session.full");

    [Fact]
    public void Admit_WhenFullAndWaitlistWanted_WaitlistsAtTheNextPosition() =>
        A.Session.WithCapacity(2).Build().Admit(2, 3, true, Policy).ShouldSucceed().Should().Be(new Admission(true, 4));

    [Fact]
    public void Admit_WhenTheWaitlistIsAtItsCap_FailsWithWaitlistFull()
    {
        var session = A.Session.WithCapacity(2).Build();

        session.Admit(2, 10, true, Policy).ShouldFailWith("waitlist.full");
        session.Admit(2, 0, true, new BookingPolicy { WaitlistCap = 0 }).ShouldFailWith("waitlist.full");
    }

    [Fact]
    public void Cancel_WhenScheduledAndNotStarted_CancelsAtTheInstant()
    {
        var session = A.Session.Build();

        session.Cancel(TestClock.Start).ShouldSucceed();

        (session.Status, session.CancelledAt).Should().Be((SessionStatus.Cancelled, TestClock.Start));
    }

    [Fact]
    public void Cancel_WhenAlreadyCancelled_FailsWithAlreadyCancelled()
    {
        var session = A.Session.Build();
        session.Cancel(TestClock.Start).ShouldSucceed();

        session.Cancel(TestClock.Start.AddHours(1)).ShouldFailWith("session.already_cancelled");

        session.CancelledAt.Should().Be(TestClock.Start);
    }

    [Fact]
    public void Cancel_WhenStarted_FailsWithStarted()
    {
        var session = A.Session.Build();

        session.Cancel(Start).ShouldFailWith("session.started");

        session.Status.Should().Be(SessionStatus.Scheduled);
    }

    [Fact]
    public void HasStarted_FromTheStartInstantOn_IsTrue()
    {
        var session = A.Session.Build();

        session.HasStarted(Start.AddTicks(-1)).Should().BeFalse();
        session.HasStarted(Start).Should().BeTrue();
    }
}
