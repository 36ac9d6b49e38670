using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Customers.AddCustomerNote;
using UnifiedCustomers.Application.Customers.MergeCustomers;
using UnifiedCustomers.Application.Customers.RegisterCustomer;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Tests.Customers;

public sealed class MergeCustomersTests(Backend backend) : IClassFixture<Backend>
{
    private async Task<Guid> BookAsync(Studio studio, Customer customer, Domain.Scheduling.ClassSession session)
    {
        var booked = await backend.SendAsync(new BookClassCommand(studio.Id, customer.Id, session.Id));
        booked.IsSuccess.Should().BeTrue(booked.Error?.Code);
        return booked.Value.Id;
    }

    [Fact]
    public async Task Merge_WhoseNotesTogetherOverflowTheirLimit_IsRefused_AndChangesNothing()
    {
        var studio = await Studio.OpenAsync(backend);
        var survivor = await studio.CustomerAsync("Nat Notes");
        var merged = await studio.CustomerAsync("Nate Notes");
        var (survivorNotes, mergedNotes) = (new string('a', 3000), new string('b', Customer.NotesMaxLength - 3000));
        await backend.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE customers SET notes = CASE WHEN id = {survivor.Id} THEN {survivorNotes} ELSE {mergedNotes} END WHERE id IN ({survivor.Id}, {merged.Id})"));

        var result = await backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id));

        result.Error!.Code.Should().Be("customer.merged_notes_too_long");
        var stored = await backend.WithDbAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == survivor.Id || c.Id == merged.Id)
            .Select(c => new { c.Id, c.Notes, c.MergedIntoId }).ToListAsync());
        stored.Should().BeEquivalentTo(new[]
        {
            new { survivor.Id, Notes = (string?)survivorNotes, MergedIntoId = (Guid?)null },
            new { merged.Id, Notes = (string?)mergedNotes, MergedIntoId = (Guid?)null },
        });
    }

    [Fact]
    public async Task Merge_MovesEverything_CollapsesTheDuplicateBooking_AndMovesTheLedger()
    {
        var studio = await Studio.OpenAsync(backend);
        var survivor = await studio.CustomerAsync("Wyn Wood", LifecycleStatus.Member);
        var merged = await studio.CustomerAsync("Wynne Wood", LifecycleStatus.Member);
        var survivorPack = await studio.PackAsync(survivor, credits: 5);
        var mergedPack = await studio.PackAsync(merged, credits: 5);
        var mergedMembership = await studio.MembershipAsync(merged, new Allowance(AllowancePeriod.Month, 8));
        var both = await studio.SessionAsync(TimeSpan.FromDays(1));
        var only = await studio.SessionAsync(TimeSpan.FromDays(2));
        var survivorsBooking = await BookAsync(studio, survivor, both);
        var duplicate = await BookAsync(studio, merged, both);
        var moved = await BookAsync(studio, merged, only);
        await backend.SendAsync(new AddCustomerNoteCommand(studio.Id, merged.Id, "Uses the side door"));
        var everyMonday = StandingBooking.Create(
            merged, studio.Yoga, [DayOfWeek.Monday], new TimeOnly(18, 0), [new DateOnly(2026, 9, 7)], joinWaitlistIfFull: false, backend.Clock.GetUtcNow()).Value;
        await studio.SaveAsync(everyMonday);

        var result = await backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id));

        result.IsSuccess.Should().BeTrue(result.Error?.Code);
        result.Value.Should().Match<MergeCustomersResponse>(r =>
            r.BookingsMoved == 2 && r.DuplicateBookingsCancelled == 1 && r.MembershipsMoved == 1 && r.PacksMoved == 1 && r.NotesMoved == 1
            && r.LedgerEntriesMoved == 2 && r.StandingBookingsMoved == 1 && r.Survivor.Status == LifecycleStatus.Member);
        await backend.WithDbAsync(async db =>
        {
            var gone = await db.Customers.SingleAsync(c => c.Id == merged.Id);
            gone.Should().Match<Customer>(c => c.Status == LifecycleStatus.Archived && c.MergedIntoId == survivor.Id);
            (await db.Bookings.CountAsync(b => b.CustomerId == merged.Id)).Should().Be(0);
            var bookings = await db.Bookings.Where(b => b.CustomerId == survivor.Id).ToDictionaryAsync(b => b.Id);
            bookings.Keys.Should().BeEquivalentTo([survivorsBooking, duplicate, moved]);
            bookings[survivorsBooking].Status.Should().Be(BookingStatus.Confirmed);
            bookings[duplicate].Status.Should().Be(BookingStatus.Cancelled, "two active bookings of one class collapse to one");
            bookings[moved].Status.Should().Be(BookingStatus.Confirmed);
            (await db.Memberships.SingleAsync(m => m.Id == mergedMembership.Id)).CustomerId.Should().Be(survivor.Id);
            (await db.ClassPacks.Where(p => p.CustomerId == survivor.Id).Select(p => p.Id).ToListAsync()).Should().BeEquivalentTo([survivorPack.Id, mergedPack.Id]);
            (await db.CustomerNotes.SingleAsync(n => n.Content == "Uses the side door")).CustomerId.Should().Be(survivor.Id);
            (await db.CreditLedger.CountAsync(e => e.CustomerId == merged.Id)).Should().Be(0);
            (await db.StandingBookings.SingleAsync(sb => sb.Id == everyMonday.Id)).CustomerId.Should().Be(survivor.Id);
            var ledger = await db.CreditLedger.Where(e => e.CustomerId == survivor.Id).ToListAsync();
            ledger.Should().HaveCount(4);
            ledger.Should().ContainSingle(e => e.Reason == LedgerReason.MergeDuplicate && e.BookingId == duplicate && e.Delta == 1);
            return 0;
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Merge_WhenTheMergedCustomersBookingIsFurtherAlong_CancelsTheSurvivorsInstead(bool survivorBookedFirst)
    {
        var studio = await Studio.OpenAsync(backend);
        var survivor = await studio.CustomerAsync("Xan Xu", LifecycleStatus.Member);
        var merged = await studio.CustomerAsync("Xander Xu", LifecycleStatus.Member);
        await studio.PackAsync(survivor, credits: 5);
        await studio.PackAsync(merged, credits: 5);
        var session = await studio.SessionAsync(TimeSpan.FromMinutes(20));
        Guid survivorsBooking, attended;
        if (survivorBookedFirst)
        {
            survivorsBooking = await BookAsync(studio, survivor, session);
            attended = await BookAsync(studio, merged, session);
        }
        else
        {
            attended = await BookAsync(studio, merged, session);
            survivorsBooking = await BookAsync(studio, survivor, session);
        }
        await backend.WithDbAsync(async db =>
        {
            (await db.Bookings.SingleAsync(b => b.Id == attended)).CheckIn(session, backend.Clock.GetUtcNow()).IsSuccess.Should().BeTrue();
            return await db.SaveChangesAsync();
        });

        var result = await backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id));

        result.IsSuccess.Should().BeTrue(result.Error?.Code);
        var statuses = await backend.WithDbAsync(db => db.Bookings.Where(b => b.SessionId == session.Id).ToDictionaryAsync(b => b.Id, b => b.Status));
        statuses.Should().BeEquivalentTo(new Dictionary<Guid, BookingStatus> { [attended] = BookingStatus.Attended, [survivorsBooking] = BookingStatus.Cancelled });
    }

    // The collapsed duplicate gave its seat back and nobody was offered it: a free seat beside a waitlist.
    [Fact]
    public async Task Merge_ThatCollapsesABookingHoldingASeat_PromotesTheHeadOfTheWaitlist_AndClosesItUp()
    {
        var studio = await Studio.OpenAsync(backend, policy: new Domain.Organizations.BookingPolicy { WaitlistCap = 10 });
        var survivor = await studio.CustomerAsync("Una Ucar", LifecycleStatus.Member);
        var merged = await studio.CustomerAsync("Una U.", LifecycleStatus.Member);
        var head = await studio.CustomerAsync("Hal Head", LifecycleStatus.Member);
        var next = await studio.CustomerAsync("Ned Next", LifecycleStatus.Member);
        foreach (var customer in new[] { survivor, merged, head, next }) await studio.PackAsync(customer, credits: 5);
        var session = await studio.SessionAsync(TimeSpan.FromDays(2), capacity: 2);
        await BookAsync(studio, survivor, session);
        await BookAsync(studio, merged, session);
        foreach (var customer in new[] { head, next })
            (await backend.SendAsync(new BookClassCommand(studio.Id, customer.Id, session.Id, JoinWaitlistIfFull: true))).Value.Status.Should().Be(BookingStatus.Waitlisted);

        var result = await backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id));

        result.Value.DuplicateBookingsCancelled.Should().Be(1);
        var active = await backend.WithDbAsync(db => db.Bookings.AsNoTracking()
            .Where(b => b.SessionId == session.Id && BookingStatuses.Active.Contains(b.Status))
            .Select(b => new { b.CustomerId, b.Status, b.WaitlistPosition }).ToListAsync());
        active.Should().BeEquivalentTo([
            new { CustomerId = survivor.Id, Status = BookingStatus.Confirmed, WaitlistPosition = (int?)null },
            new { CustomerId = head.Id, Status = BookingStatus.Confirmed, WaitlistPosition = (int?)null },
            new { CustomerId = next.Id, Status = BookingStatus.Waitlisted, WaitlistPosition = (int?)1 },
        ]);
        (await backend.WithDbAsync(db => db.ClassPacks.SingleAsync(p => p.CustomerId == head.Id))).CreditsRemaining.Should().Be(4);
    }

    [Fact]
    public async Task Merge_GivesTheSurvivorTheMergedEmail_WhenTheyHadNone()
    {
        var studio = await Studio.OpenAsync(backend);
        var survivor = await studio.CustomerAsync("Yan Yew");
        var merged = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Yan", "Yew", "yan@example.com"));

        var result = await backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Value.Id));

        result.Value.Survivor.Email.Should().Be("yan@example.com");
        (await backend.WithDbAsync(db => db.Customers.SingleAsync(c => c.Id == merged.Value.Id))).Email.Should().BeNull();
    }

    [Fact]
    public async Task Merge_ALeadWithAMemberHoldingAPack_MakesTheSurvivorAMember()
    {
        var studio = await Studio.OpenAsync(backend);
        var survivor = await studio.CustomerAsync("Zoe Zinn");
        var merged = await studio.CustomerAsync("Zoe Zinn", LifecycleStatus.Member);
        await studio.PackAsync(merged, credits: 3);

        var result = await backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id));

        result.Value.Survivor.Status.Should().Be(LifecycleStatus.Member);
        (await studio.ReloadAsync(survivor)).StatusHistory.Last().Cause.Should().Be($"merged with {merged.Id}");
    }

    [Fact]
    public async Task Merge_IntoItselfIntoAnArchivedOrAnUnknownCustomer_IsRefusedAndChangesNothing()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();
        var archived = await studio.CustomerAsync("Old Record", LifecycleStatus.Archived);

        // The field the request names the other customer with: it was "survivorId", which no request has.
        var self = (await backend.SendAsync(new MergeCustomersCommand(studio.Id, customer.Id, customer.Id))).Error!;
        (self.Code, self.Field).Should().Be(("customer.merge_self", "mergedId"));
        (await backend.SendAsync(new MergeCustomersCommand(studio.Id, archived.Id, customer.Id))).Error!.Code.Should().Be("customer.archived");
        (await backend.SendAsync(new MergeCustomersCommand(studio.Id, Guid.NewGuid(), customer.Id))).Error!.Code.Should().Be("customer.not_found");
        (await studio.ReloadAsync(customer)).Should().Match<Customer>(c => c.Status == LifecycleStatus.Lead && c.MergedIntoId == null);
    }

    [Fact]
    public async Task Merge_ACustomerAlreadyMergedAway_IsMerged()
    {
        var studio = await Studio.OpenAsync(backend);
        var survivor = await studio.CustomerAsync("Al Ash");
        var merged = await studio.CustomerAsync("Alan Ash");
        var third = await studio.CustomerAsync("A Ash");
        (await backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id))).IsSuccess.Should().BeTrue();

        (await backend.SendAsync(new MergeCustomersCommand(studio.Id, third.Id, merged.Id))).Error!.Code.Should().Be("customer.merged");
    }
}
