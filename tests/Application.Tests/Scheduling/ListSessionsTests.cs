using FluentValidation;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Scheduling;
using UnifiedCustomers.Application.Scheduling.GetSession;
using UnifiedCustomers.Application.Scheduling.ListSessions;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Tests.Scheduling;

/// <summary>ListSessions and GetSession.</summary>
public sealed class ListSessionsTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task List_ADateRange_ShowsEachSessionWithItsCountsAndLocalTimes()
    {
        var studio = await Studio.OpenAsync(backend);
        var today = studio.Organization.LocalDate(backend.Clock.GetUtcNow());
        var hiit = ClassType.Create(studio.Id, "HIIT", 10, 45, backend.Clock.GetUtcNow()).Value;
        await studio.SaveAsync(hiit);
        var full = await studio.SessionAtAsync(studio.Organization.AtLocal(today.AddDays(1), new TimeOnly(18, 0)), capacity: 1);
        var open = await studio.SessionAtAsync(studio.Organization.AtLocal(today.AddDays(2), new TimeOnly(7, 0)), type: hiit);
        await studio.SessionAtAsync(studio.Organization.AtLocal(today.AddDays(3), new TimeOnly(0, 30)));
        var (first, second) = (await studio.CustomerAsync("Ann Ash"), await studio.CustomerAsync("Bea Birch"));
        (await backend.SendAsync(new BookClassCommand(studio.Id, first.Id, full.Id))).IsSuccess.Should().BeTrue();
        (await backend.SendAsync(new BookClassCommand(studio.Id, second.Id, full.Id, JoinWaitlistIfFull: true))).IsSuccess.Should().BeTrue();

        var result = await backend.SendAsync(new ListSessionsQuery(studio.Id, today.AddDays(1), today.AddDays(2)));

        result.Value.Select(s => s.Id).Should().Equal(full.Id, open.Id);
        result.Value[0].Should().Match<SessionOverviewResponse>(s =>
            s.ClassName == "Vinyasa Flow" && s.Capacity == 1 && s.Booked == 1 && s.Waitlisted == 1 && s.Available == 0
            && s.StartsAtUtc == full.StartsAt && s.StartsAtLocal.Hour == 18 && s.StartsAtLocal.Offset == TimeSpan.FromHours(1) && s.TimeZone == "Europe/London");
        result.Value[1].Should().Match<SessionOverviewResponse>(s => s.ClassName == "HIIT" && s.Booked == 0 && s.Available == 12 && s.StartsAtLocal.Hour == 7);
    }

    [Fact]
    public async Task List_ByClassType_LeavesOtherTypesOut()
    {
        var studio = await Studio.OpenAsync(backend);
        var today = studio.Organization.LocalDate(backend.Clock.GetUtcNow());
        var hiit = ClassType.Create(studio.Id, "HIIT", 10, 45, backend.Clock.GetUtcNow()).Value;
        await studio.SaveAsync(hiit);
        await studio.SessionAsync(TimeSpan.FromDays(1));
        var wanted = await studio.SessionAsync(TimeSpan.FromDays(1), type: hiit);

        var result = await backend.SendAsync(new ListSessionsQuery(studio.Id, today, today.AddDays(7), hiit.Id));

        result.Value.Should().ContainSingle().Which.Id.Should().Be(wanted.Id);
    }

    [Fact]
    public async Task List_ARangeThatEndsBeforeItStarts_FailsValidation()
    {
        var studio = await Studio.OpenAsync(backend);
        var today = studio.Organization.LocalDate(backend.Clock.GetUtcNow());

        var backwards = () => backend.SendAsync(new ListSessionsQuery(studio.Id, today, today.AddDays(-1)));
        var tooLong = () => backend.SendAsync(new ListSessionsQuery(studio.Id, today, today.AddDays(200)));

        (await backwards.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().OnlyContain(e => e.PropertyName == "To");
        (await tooLong.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().OnlyContain(e => e.PropertyName == "To");
    }

    [Fact]
    public async Task GetSession_ReturnsItsCounts_AndAnotherStudiosSessionIsNotFound()
    {
        var studio = await Studio.OpenAsync(backend);
        var other = await Studio.OpenAsync(backend);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1), capacity: 5);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.PackAsync(member, credits: 3);
        (await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id))).IsSuccess.Should().BeTrue();

        var result = await backend.SendAsync(new GetSessionQuery(studio.Id, session.Id));
        var theirs = await backend.SendAsync(new GetSessionQuery(other.Id, session.Id));

        result.Value.Should().Match<SessionOverviewResponse>(s => s.Booked == 1 && s.Available == 4 && s.Instructor == "Rosa" && s.Status == SessionStatus.Scheduled);
        theirs.Error!.Code.Should().Be("session.not_found");
    }
}
