using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Bookings.CancelBooking;
using UnifiedCustomers.Application.Bookings.CheckEligibility;
using UnifiedCustomers.Application.Scheduling.CancelSession;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Tests.Bookings;

/// <summary>Each refusal of BookClass, by its stable code, and that nothing is written when it refuses.</summary>
public sealed class BookClassRulesTests(Backend backend) : IClassFixture<Backend>
{
    private async Task<string> RefusalAsync(Studio studio, BookClassCommand command)
    {
        var before = await backend.WithDbAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == studio.Id));
        var result = await backend.SendAsync(command);
        result.IsFailure.Should().BeTrue();
        (await backend.WithDbAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == studio.Id))).Should().Be(before);
        return result.Error!.Code;
    }

    [Theory]
    [InlineData(LifecycleStatus.Lead)]
    [InlineData(LifecycleStatus.Trial)]
    [InlineData(LifecycleStatus.Member)]
    [InlineData(LifecycleStatus.Lapsed)]
    public async Task Book_ACustomerOfAnyStatusButArchived_IsConfirmed(LifecycleStatus status)
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync(status: status);
        if (status is LifecycleStatus.Member or LifecycleStatus.Lapsed) await studio.PackAsync(customer, 3);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1));

        var result = await backend.SendAsync(new BookClassCommand(studio.Id, customer.Id, session.Id));

        result.Value.Status.Should().Be(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task Book_AnArchivedCustomer_IsRefused()
    {
        var studio = await Studio.OpenAsync(backend);
        var archived = await studio.CustomerAsync(status: LifecycleStatus.Archived);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1));

        (await RefusalAsync(studio, new BookClassCommand(studio.Id, archived.Id, session.Id))).Should().Be("customer.archived");
    }

    [Fact]
    public async Task Book_AnotherOrganizationsCustomerOrSession_IsNotFound()
    {
        var studio = await Studio.OpenAsync(backend);
        var other = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();
        var foreignCustomer = await other.CustomerAsync();
        var session = await studio.SessionAsync(TimeSpan.FromDays(1));
        var foreignSession = await other.SessionAsync(TimeSpan.FromDays(1));

        (await RefusalAsync(studio, new BookClassCommand(studio.Id, foreignCustomer.Id, session.Id))).Should().Be("customer.not_found");
        (await RefusalAsync(studio, new BookClassCommand(studio.Id, customer.Id, foreignSession.Id))).Should().Be("session.not_found");
    }

    [Fact]
    public async Task Book_ACancelledStartedOrOutOfWindowSession_IsRefusedByName()
    {
        var studio = await Studio.OpenAsync(backend, policy: new BookingPolicy { BookingOpensDaysBefore = 7, BookingClosesMinutesBefore = 60 });
        var customer = await studio.CustomerAsync();
        var cancelled = await studio.SessionAsync(TimeSpan.FromDays(1));
        await backend.SendAsync(new CancelSessionCommand(studio.Id, cancelled.Id));
        var started = await studio.SessionAsync(TimeSpan.FromMinutes(-10));
        var tooEarly = await studio.SessionAsync(TimeSpan.FromDays(8));
        var tooLate = await studio.SessionAsync(TimeSpan.FromMinutes(30));

        (await RefusalAsync(studio, new BookClassCommand(studio.Id, customer.Id, cancelled.Id))).Should().Be("session.cancelled");
        (await RefusalAsync(studio, new BookClassCommand(studio.Id, customer.Id, started.Id))).Should().Be("session.started");
        (await RefusalAsync(studio, new BookClassCommand(studio.Id, customer.Id, tooEarly.Id))).Should().Be("booking.window_not_open");
        (await RefusalAsync(studio, new BookClassCommand(studio.Id, customer.Id, tooLate.Id))).Should().Be("booking.window_closed");
    }

    [Fact]
    public async Task Book_Twice_IsAlreadyBooked_ButACancelledBookingNeverCounts()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();
        var session = await studio.SessionAsync(TimeSpan.FromDays(2));
        var first = await backend.SendAsync(new BookClassCommand(studio.Id, customer.Id, session.Id));

        (await RefusalAsync(studio, new BookClassCommand(studio.Id, customer.Id, session.Id))).Should().Be("booking.already_booked");

        (await backend.SendAsync(new CancelBookingCommand(studio.Id, first.Value.Id))).Value.Status.Should().Be(BookingStatus.Cancelled);
        var again = await backend.SendAsync(new BookClassCommand(studio.Id, customer.Id, session.Id));
        again.Value.Status.Should().Be(BookingStatus.Confirmed);
        again.Value.Id.Should().NotBe(first.Value.Id);
    }

    [Fact]
    public async Task Book_AFullSession_IsRefusedOrWaitlistedUntilTheWaitlistIsFull()
    {
        var studio = await Studio.OpenAsync(backend, policy: new BookingPolicy { WaitlistCap = 1 });
        var session = await studio.SessionAsync(TimeSpan.FromDays(1), capacity: 1);
        var (a, b, c) = (await studio.CustomerAsync("A One"), await studio.CustomerAsync("B Two"), await studio.CustomerAsync("C Three"));
        await backend.SendAsync(new BookClassCommand(studio.Id, a.Id, session.Id));

        (await RefusalAsync(studio, new BookClassCommand(studio.Id, b.Id, session.Id))).Should().Be("session.full");
        var waitlisted = await backend.SendAsync(new BookClassCommand(studio.Id, b.Id, session.Id, JoinWaitlistIfFull: true));
        (await RefusalAsync(studio, new BookClassCommand(studio.Id, c.Id, session.Id, JoinWaitlistIfFull: true))).Should().Be("waitlist.full");

        waitlisted.Value.Status.Should().Be(BookingStatus.Waitlisted);
        waitlisted.Value.WaitlistPosition.Should().Be(1);
    }

    [Fact]
    public async Task Book_OntoTheWaitlist_SpendsNothingUntilPromoted()
    {
        var studio = await Studio.OpenAsync(backend);
        var session = await studio.SessionAsync(TimeSpan.FromDays(3), capacity: 1);
        var first = await studio.CustomerAsync("First Comer");
        var member = await studio.CustomerAsync("Second Comer", LifecycleStatus.Member);
        var pack = await studio.PackAsync(member, 2);
        var seat = await backend.SendAsync(new BookClassCommand(studio.Id, first.Id, session.Id));

        var waiting = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id, JoinWaitlistIfFull: true));
        (await backend.WithDbAsync(db => db.ClassPacks.SingleAsync(p => p.Id == pack.Id))).CreditsRemaining.Should().Be(2);
        (await backend.WithDbAsync(db => db.CreditLedger.CountAsync(e => e.CustomerId == member.Id))).Should().Be(0);

        await backend.SendAsync(new CancelBookingCommand(studio.Id, seat.Value.Id));

        var promoted = await backend.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == waiting.Value.Id));
        promoted.Status.Should().Be(BookingStatus.Confirmed);
        promoted.Charged.Should().BeTrue();
        (await backend.WithDbAsync(db => db.ClassPacks.SingleAsync(p => p.Id == pack.Id))).CreditsRemaining.Should().Be(1);
        (await backend.WithDbAsync(db => db.CreditLedger.SingleAsync(e => e.CustomerId == member.Id))).Reason.Should().Be(LedgerReason.Promoted);
    }

    [Fact]
    public async Task Book_WithoutAChoice_TakesTheMembershipBeforeThePackExpiringFirst()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var laterPack = await studio.PackAsync(member, 5, validityDays: 200);
        var soonerPack = await studio.PackAsync(member, 5, validityDays: 20);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1));
        var other = await studio.SessionAsync(TimeSpan.FromDays(2));

        (await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id))).Value.PackId.Should().Be(soonerPack.Id);

        var membership = await studio.MembershipAsync(member, Allowance.Unlimited);
        (await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, other.Id))).Value.MembershipId.Should().Be(membership.Id);
        (await backend.WithDbAsync(db => db.ClassPacks.SingleAsync(p => p.Id == laterPack.Id))).CreditsRemaining.Should().Be(5);
    }

    [Fact]
    public async Task Book_WithAnExplicitChoice_ChecksThatChoice()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.MembershipAsync(member, Allowance.Unlimited);
        var restricted = await studio.PackAsync(member, 5, classTypes: [Guid.NewGuid()]);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1));

        (await RefusalAsync(studio, new BookClassCommand(studio.Id, member.Id, session.Id, new PaymentChoice(PaymentMethod.Pack, restricted.Id))))
            .Should().Be("pack.class_type_not_covered");
        (await RefusalAsync(studio, new BookClassCommand(studio.Id, member.Id, session.Id, new PaymentChoice(PaymentMethod.DropIn))))
            .Should().Be("payment.drop_in_not_allowed");
        (await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id, new PaymentChoice(PaymentMethod.Complimentary))))
            .Value.PaymentMethod.Should().Be(PaymentMethod.Complimentary);
    }

    [Fact]
    public async Task Book_WithNothingThatCanPay_ListsWhyEachOptionFailed()
    {
        var studio = await Studio.OpenAsync(backend, policy: new BookingPolicy { DropInsForLeadsAndTrials = false });
        var lapsed = await studio.CustomerAsync(status: LifecycleStatus.Lapsed);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1));
        var paused = await studio.MembershipAsync(lapsed, Allowance.Unlimited);
        await backend.WithDbAsync(async db =>
        {
            var m = await db.Memberships.SingleAsync(x => x.Id == paused.Id);
            m.Pause(DateOnly.FromDateTime(Backend.Start.UtcDateTime), null, Backend.Start);
            return await db.SaveChangesAsync();
        });
        var ended = await studio.MembershipAsync(lapsed, Allowance.Unlimited, start: new DateOnly(2026, 1, 1), end: new DateOnly(2026, 5, 1));
        var empty = await studio.PackAsync(lapsed, 1);
        await backend.WithDbAsync(async db =>
        {
            (await db.ClassPacks.SingleAsync(p => p.Id == empty.Id)).Consume(studio.Yoga.Id, Backend.Start);
            return await db.SaveChangesAsync();
        });

        var result = await backend.SendAsync(new BookClassCommand(studio.Id, lapsed.Id, session.Id));
        var eligibility = await backend.SendAsync(new CheckEligibilityQuery(studio.Id, lapsed.Id, session.Id));

        result.Error!.Code.Should().Be("payment.none_available");
        result.Error.Reasons.Select(r => (r.Code, r.Field)).Should().BeEquivalentTo(new[]
        {
            ("membership.paused", paused.Id.ToString()),
            ("membership.expired", ended.Id.ToString()),
            ("pack.no_credits", empty.Id.ToString()),
            ("payment.drop_in_not_allowed", (string?)null),
        });
        eligibility.Value.CanBook.Should().BeFalse();
        eligibility.Value.ErrorCode.Should().Be("payment.none_available");
        eligibility.Value.Reasons.Should().HaveCount(4);
    }

    [Fact]
    public async Task CheckEligibility_SaysWhatWouldHappen_AndWritesNothing()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var pack = await studio.PackAsync(member, 1);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1), capacity: 1);
        var full = await studio.SessionAsync(TimeSpan.FromDays(2), capacity: 1);
        await backend.SendAsync(new BookClassCommand(studio.Id, (await studio.CustomerAsync("Seat Taker")).Id, full.Id));

        var open = await backend.SendAsync(new CheckEligibilityQuery(studio.Id, member.Id, session.Id));
        var waitlist = await backend.SendAsync(new CheckEligibilityQuery(studio.Id, member.Id, full.Id, JoinWaitlistIfFull: true));
        var refused = await backend.SendAsync(new CheckEligibilityQuery(studio.Id, member.Id, full.Id));

        open.Value.Should().Match<EligibilityResponse>(e => e.CanBook && !e.WouldBeWaitlisted && e.PackId == pack.Id);
        waitlist.Value.Should().Match<EligibilityResponse>(e => e.CanBook && e.WouldBeWaitlisted && e.WaitlistPosition == 1);
        refused.Value.Should().Match<EligibilityResponse>(e => !e.CanBook && e.ErrorCode == "session.full");
        (await backend.WithDbAsync(db => db.Bookings.CountAsync(b => b.CustomerId == member.Id))).Should().Be(0);
        (await backend.WithDbAsync(db => db.ClassPacks.SingleAsync(p => p.Id == pack.Id))).CreditsRemaining.Should().Be(1);
    }

    [Fact]
    public async Task Book_WithAMalformedRequest_FailsValidationWithTheField()
    {
        var act = () => backend.SendAsync(new BookClassCommand(Guid.NewGuid(), Guid.Empty, Guid.NewGuid(), new PaymentChoice(PaymentMethod.Pack)));

        var failure = (await act.Should().ThrowAsync<FluentValidation.ValidationException>()).Which;
        failure.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo("CustomerId", "Payment.Id");
    }
}
