using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Application.Tests.Persistence;

/// <summary>What the domain builds survives a save and a load in a fresh context, field for field.</summary>
public sealed class RoundTripTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Organization_WithItsPolicy_ReloadsAsSaved()
    {
        var graph = await SaveGraphAsync();

        await using var db = database.CreateDbContext();
        var reloaded = await db.Organizations.SingleAsync(o => o.Id == graph.Organization.Id);

        reloaded.Should().BeEquivalentTo(graph.Organization, o => o.Excluding(x => x.Zone));
        reloaded.Policy.Should().Be(graph.Organization.Policy);
    }

    [Fact]
    public async Task Customer_WithItsStatusHistory_ReloadsAsSaved()
    {
        var graph = await SaveGraphAsync();

        await using var db = database.CreateDbContext();
        var reloaded = await db.Customers.Include(c => c.StatusHistory).SingleAsync(c => c.Id == graph.Customer.Id);

        reloaded.Should().BeEquivalentTo(graph.Customer);
        reloaded.StatusHistory.Select(h => (h.From, h.To)).Should().BeEquivalentTo(new (LifecycleStatus?, LifecycleStatus)[]
        {
            (null, LifecycleStatus.Lead),
            (LifecycleStatus.Lead, LifecycleStatus.Member),
            (LifecycleStatus.Member, LifecycleStatus.Archived),
            (LifecycleStatus.Archived, LifecycleStatus.Member),
        });
    }

    [Fact]
    public async Task Membership_WithPausesAndAllowance_ReloadsAsSaved()
    {
        var graph = await SaveGraphAsync();

        await using var db = database.CreateDbContext();
        var reloaded = await db.Memberships.SingleAsync(m => m.Id == graph.Membership.Id);

        reloaded.Should().BeEquivalentTo(graph.Membership, o => o.WithStrictOrdering());
        reloaded.Pauses.Should().HaveCount(2);
        reloaded.Allowance.Should().Be(new Allowance(AllowancePeriod.Week, 3));
    }

    [Fact]
    public async Task ClassSessionPackBookingAndLedgerEntry_ReloadAsSaved()
    {
        var graph = await SaveGraphAsync();

        await using var db = database.CreateDbContext();

        (await db.ClassSessions.SingleAsync(s => s.Id == graph.Session.Id)).Should().BeEquivalentTo(graph.Session);
        (await db.ClassPacks.SingleAsync(p => p.Id == graph.Pack.Id)).Should().BeEquivalentTo(graph.Pack);
        (await db.Bookings.SingleAsync(b => b.Id == graph.Booking.Id)).Should().BeEquivalentTo(graph.Booking);
        (await db.CreditLedger.SingleAsync(e => e.Id == graph.Entry.Id)).Should().BeEquivalentTo(graph.Entry);
    }

    private async Task<Graph> SaveGraphAsync()
    {
        var organizationId = Guid.NewGuid();
        var organization = Organization.Create(organizationId, "Northside Yoga", "northside-" + organizationId.ToString("N"), "Europe/London", "GB", Now).Value;
        organization.UpdatePolicy(new BookingPolicy { LateCancelHours = 24, WaitlistCap = 3, DropInsForLeadsAndTrials = false }).IsSuccess.Should().BeTrue();

        var customer = Customer.Register(organizationId, "Ada", "Lovelace", "Ada@Example.com", "+442079460000", "website", Now).Value;
        var paid = new LifecycleEvidence(HasCurrentPaid: true, HasCurrentTrial: false, HasPastPurchase: true);
        customer.ApplyPurchases(paid, "bought a membership", Now.AddMinutes(1));
        customer.Archive("asked to be forgotten", Now.AddMinutes(2)).IsSuccess.Should().BeTrue();
        customer.Restore(paid, Now.AddMinutes(3)).IsSuccess.Should().BeTrue();
        customer.UpdateDetails("Ada", "Lovelace", "ada@example.com", "+442079460000", null, "knee injury", Now.AddMinutes(4)).IsSuccess.Should().BeTrue();

        var type = ClassType.Create(organizationId, "Vinyasa Flow", 12, 60, Now).Value;
        var maya = Instructor.Create(organizationId, "Maya", Now).Value;
        var studio1 = Location.Create(organizationId, "Studio 1", Now).Value;
        var session = ClassSession.Schedule(type, Now.AddDays(2), null, 8, maya, studio1, Now).Value;

        var plan = MembershipPlan.Create(organizationId, "Three a week", new Allowance(AllowancePeriod.Week, 3), [type.Id], false, Now).Value;
        var membership = Membership.Sell(customer, plan, new DateOnly(2026, 6, 1), new DateOnly(2026, 12, 31), Now).Value;
        membership.Pause(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 15), Now).IsSuccess.Should().BeTrue();
        membership.Pause(new DateOnly(2026, 8, 1), null, Now).IsSuccess.Should().BeTrue();

        var product = PackProduct.Create(organizationId, "Five classes", 5, 60, [type.Id], false, Now).Value;
        var pack = ClassPack.Sell(customer, product, Now).Value;
        pack.Consume(type.Id, Now).IsSuccess.Should().BeTrue();

        var booking = Booking.Create(customer, session, new Admission(false, null), BookingPayment.ByPack(pack.Id), BookingSource.Api, "request-1", Now);
        var entry = CreditLedgerEntry.Consumed(booking, LedgerReason.Booked, Now);

        await using var db = database.CreateDbContext();
        db.AddRange(organization, customer, type, maya, studio1, session, plan, membership, product, pack, booking, entry);
        await db.SaveChangesAsync();
        return new Graph(organization, customer, session, membership, pack, booking, entry);
    }

    private sealed record Graph(
        Organization Organization, Customer Customer, ClassSession Session, Membership Membership, ClassPack Pack, Booking Booking, CreditLedgerEntry Entry);
}
