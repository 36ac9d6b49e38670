using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Tests.Bookings;

public sealed class BookClassTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task Book_WithPack_ConfirmsSpendsOneCreditAndWritesTheLedger()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var pack = await studio.PackAsync(customer, credits: 5);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1));

        var result = await backend.SendAsync(new BookClassCommand(studio.Id, customer.Id, session.Id));

        result.IsSuccess.Should().BeTrue(result.Error?.Code);
        result.Value.Status.Should().Be(BookingStatus.Confirmed);
        result.Value.PaymentMethod.Should().Be(PaymentMethod.Pack);
        result.Value.PackId.Should().Be(pack.Id);
        result.Value.CreditsRemaining.Should().Be(4);
        result.Value.ClassName.Should().Be("Vinyasa Flow");
        result.Value.StartsAtLocal.Offset.Should().Be(TimeSpan.FromHours(1), "London is on summer time in June");
        await backend.WithDbAsync(async db =>
        {
            (await db.ClassPacks.SingleAsync(p => p.Id == pack.Id)).CreditsRemaining.Should().Be(4);
            var ledger = await db.CreditLedger.Where(e => e.CustomerId == customer.Id).ToListAsync();
            ledger.Should().ContainSingle().Which.Should().Match<CreditLedgerEntry>(e => e.Delta == -1 && e.PackId == pack.Id && e.BookingId == result.Value.Id);
            return 0;
        });
    }

    [Fact]
    public async Task Book_ALeadWithNothingBought_IsADropIn()
    {
        var studio = await Studio.OpenAsync(backend);
        var lead = await studio.CustomerAsync("Lee Lead");
        var session = await studio.SessionAsync(TimeSpan.FromDays(2));

        var result = await backend.SendAsync(new BookClassCommand(studio.Id, lead.Id, session.Id));

        result.Value.PaymentMethod.Should().Be(PaymentMethod.DropIn);
        (await backend.WithDbAsync(db => db.CreditLedger.CountAsync(e => e.CustomerId == lead.Id))).Should().Be(0);
    }

    [Fact]
    public async Task Book_AMemberWithAllowanceUsed_IsRefusedWithEveryReason()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.MembershipAsync(member, new Allowance(AllowancePeriod.Week, 1));
        var first = await studio.SessionAsync(TimeSpan.FromDays(1));
        var second = await studio.SessionAsync(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
        (await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, first.Id))).IsSuccess.Should().BeTrue();

        var result = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, second.Id));

        result.Error!.Code.Should().Be("payment.none_available");
        result.Error.Reasons.Select(r => r.Code).Should().Equal("membership.allowance_used", "payment.drop_in_not_allowed");
        (await backend.WithDbAsync(db => db.Bookings.CountAsync(b => b.CustomerId == member.Id))).Should().Be(1);
    }
}
