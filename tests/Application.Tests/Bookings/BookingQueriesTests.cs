using UnifiedCustomers.Application.Bookings;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Bookings.CancelBooking;
using UnifiedCustomers.Application.Bookings.GetBooking;
using UnifiedCustomers.Application.Bookings.GetCreditLedger;
using UnifiedCustomers.Application.Bookings.GetCustomerBalance;
using UnifiedCustomers.Application.Bookings.GetCustomerBookings;
using UnifiedCustomers.Application.Bookings.GetSessionRoster;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Tests.Bookings;

public sealed class BookingQueriesTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public void MappingConfiguration_Compiles()
    {
        var config = MappingConfiguration.Create();

        config.Invoking(c => c.Compile()).Should().NotThrow();
        config.RuleMap.Keys.Should().Contain(k => k.Source == typeof(CreditLedgerEntry) && k.Destination == typeof(LedgerEntryResponse));
    }

    [Fact]
    public async Task CustomerBookings_SplitUpcomingAndPast_FilterByStatus_AndPage()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();
        var past = await studio.SessionAsync(TimeSpan.FromDays(-2));
        await studio.SaveAsync(Booking.Create(customer, past, new Domain.Scheduling.Admission(false, null), BookingPayment.DropIn, BookingSource.Staff, null, Backend.Start.AddDays(-3)));
        var ids = new List<Guid>();
        foreach (var day in new[] { 3, 1, 2 })
            ids.Add((await backend.SendAsync(new BookClassCommand(studio.Id, customer.Id, (await studio.SessionAsync(TimeSpan.FromDays(day))).Id))).Value.Id);
        await backend.SendAsync(new CancelBookingCommand(studio.Id, ids[0]));

        var upcoming = await backend.SendAsync(new GetCustomerBookingsQuery(studio.Id, customer.Id, BookingPeriod.Upcoming, PageSize: 2));
        var pastPage = await backend.SendAsync(new GetCustomerBookingsQuery(studio.Id, customer.Id, BookingPeriod.Past));
        var cancelled = await backend.SendAsync(new GetCustomerBookingsQuery(studio.Id, customer.Id, BookingPeriod.All, BookingStatus.Cancelled));

        upcoming.Value.Total.Should().Be(3);
        upcoming.Value.Items.Select(b => b.Id).Should().Equal(ids[1], ids[2]);
        pastPage.Value.Items.Should().ContainSingle().Which.SessionId.Should().Be(past.Id);
        cancelled.Value.Items.Should().ContainSingle().Which.Id.Should().Be(ids[0]);
        (await backend.SendAsync(new GetCustomerBookingsQuery(studio.Id, Guid.NewGuid()))).Error!.Code.Should().Be("customer.not_found");
    }

    [Fact]
    public async Task SessionRoster_ListsSeatHoldersAndTheWaitlistInOrder()
    {
        var studio = await Studio.OpenAsync(backend);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1), capacity: 2);
        var names = new[] { "Ann Able", "Bea Best", "Cal Core", "Dee Deep" };
        var bookings = new List<BookingResponse>();
        foreach (var name in names)
        {
            // One minute apart: the roster is in booking order, which a shared instant would leave to chance.
            backend.Clock.Advance(TimeSpan.FromMinutes(1));
            bookings.Add((await backend.SendAsync(new BookClassCommand(studio.Id, (await studio.CustomerAsync(name)).Id, session.Id, JoinWaitlistIfFull: true))).Value);
        }

        var roster = await backend.SendAsync(new GetSessionRosterQuery(studio.Id, session.Id));

        roster.Value.Should().Match<SessionRosterResponse>(r => r.Booked == 2 && r.Waitlisted == 2 && r.Available == 0 && r.ClassName == "Vinyasa Flow");
        roster.Value.Attendees.Select(a => a.CustomerName).Should().Equal("Ann Able", "Bea Best");
        roster.Value.Waitlist.Select(a => (a.CustomerName, a.WaitlistPosition)).Should().Equal(("Cal Core", 1), ("Dee Deep", 2));
        (await backend.SendAsync(new GetSessionRosterQuery((await Studio.OpenAsync(backend)).Id, session.Id))).Error!.Code.Should().Be("session.not_found");
    }

    [Fact]
    public async Task Balance_ShowsAllowanceLeftThisPeriodAndPackCredits_AndTheLedgerListsEverySpendAndRefund()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var membership = await studio.MembershipAsync(member, new Allowance(AllowancePeriod.Month, 8));
        var pack = await studio.PackAsync(member, 5);
        // A minute between steps, so the ledger's newest-first order is the order of the steps.
        var first = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, (await studio.SessionAsync(TimeSpan.FromDays(1))).Id));
        backend.Clock.Advance(TimeSpan.FromMinutes(1));
        await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, (await studio.SessionAsync(TimeSpan.FromDays(2))).Id, new PaymentChoice(PaymentMethod.Pack, pack.Id)));
        backend.Clock.Advance(TimeSpan.FromMinutes(1));
        await backend.SendAsync(new CancelBookingCommand(studio.Id, first.Value.Id));
        backend.Clock.Advance(TimeSpan.FromMinutes(1));
        await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, (await studio.SessionAsync(TimeSpan.FromDays(3))).Id));

        var balance = await backend.SendAsync(new GetCustomerBalanceQuery(studio.Id, member.Id));
        var ledger = await backend.SendAsync(new GetCreditLedgerQuery(studio.Id, member.Id, PageSize: 3));

        var monthly = balance.Value.Memberships.Should().ContainSingle().Subject;
        monthly.Should().Match<MembershipBalance>(m => m.Id == membership.Id && m.UsedThisPeriod == 1 && m.Remaining == 7 && m.Usable);
        monthly.PeriodFrom.Should().Be(new DateOnly(2026, 6, 1));
        monthly.PeriodUntil.Should().Be(new DateOnly(2026, 6, 30));
        balance.Value.Packs.Should().ContainSingle().Which.CreditsRemaining.Should().Be(4);
        ledger.Value.Total.Should().Be(4);
        ledger.Value.Items.Should().HaveCount(3);
        ledger.Value.Items.Sum(e => e.Delta).Should().Be(-1, "the newest three: a spend, the refund, a spend");
        ledger.Value.Items.Select(e => e.Reason).Should().Contain(LedgerReason.CancellationRefund);
    }

    [Fact]
    public async Task GetBooking_DescribesTheBooking_OnlyInsideItsOrganization()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.PackAsync(member, 3);
        var booked = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, (await studio.SessionAsync(TimeSpan.FromDays(1))).Id));

        var found = await backend.SendAsync(new GetBookingQuery(studio.Id, booked.Value.Id));
        var foreign = await backend.SendAsync(new GetBookingQuery((await Studio.OpenAsync(backend)).Id, booked.Value.Id));

        found.Value.Should().BeEquivalentTo(booked.Value);
        foreign.Error!.Code.Should().Be("booking.not_found");
    }
}
