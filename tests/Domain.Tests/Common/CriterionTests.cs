using System.Linq.Expressions;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Common;

/// <summary>
/// A criterion's expression (what a query sends to PostgreSQL, compiled here afresh) and the
/// domain's in-memory answer agree on every boundary; Application.Tests runs the same cases in the database.
/// </summary>
public sealed class CriterionTests
{
    private static readonly DateOnly Start = TestClock.Today;
    private static readonly DateOnly End = Start.AddDays(30);

    public static TheoryData<string, DateOnly, bool> MembershipDays => new()
    {
        { "running", Start, true },
        { "running", Start.AddDays(-1), false },
        { "running", End, true },
        { "running", End.AddDays(1), false },
        { "open-ended", Start.AddYears(5), true },
        { "paused from day 10 until day 20", Start.AddDays(9), true },
        { "paused from day 10 until day 20", Start.AddDays(10), false },
        { "paused from day 10 until day 20", Start.AddDays(19), false },
        { "paused from day 10 until day 20", Start.AddDays(20), true },
        // An open pause, like a dated one, begins on its first day (its status is Paused from when it is recorded).
        { "paused open-ended from day 10", Start.AddDays(9), true },
        { "paused open-ended from day 10", Start.AddDays(10), false },
        { "cancelled to day 15", Start.AddDays(5), false },
        { "starts in a week", Start, false },
        { "starts in a week", Start.AddDays(7), true },
    };

    [Theory]
    [MemberData(nameof(MembershipDays))]
    public void Membership_InForce_TheQuerysExpressionAndTheDomainAgree(string membership, DateOnly on, bool inForce)
    {
        var m = Sold(membership);

        m.IsInForceOn(on).Should().Be(inForce);
        Membership.InForce(on).IsSatisfiedBy(m).Should().Be(inForce);
        Membership.InForce(on).Expression.Compile()(m).Should().Be(inForce);
    }

    [Theory]
    [InlineData("running", 30, false)]
    [InlineData("running", 31, true)]
    [InlineData("open-ended", 400, false)]
    [InlineData("paused open-ended from day 10", 30, false)]
    [InlineData("paused open-ended from day 10", 31, true)]
    [InlineData("cancelled to day 15", 31, false)]
    public void Membership_Ended_TheQuerysExpressionAndTheDomainAgree(string membership, int day, bool ended)
    {
        var on = Start.AddDays(day);

        Membership.Ended(on).Expression.Compile()(Sold(membership)).Should().Be(ended);
        Sold(membership).ExpireIfEnded(on).Should().Be(ended);
    }

    [Theory]
    [InlineData(5, 0, true)]
    [InlineData(5, 29, true)]
    [InlineData(5, 30, false)]
    [InlineData(0, 1, false)]
    public void ClassPack_Current_TheQuerysExpressionAndTheDomainAgree(int creditsLeft, int daysLater, bool current)
    {
        var pack = A.Pack.WithCredits(5).ValidFor(30).Build();
        for (var used = 0; used < 5 - creditsLeft; used++) pack.Consume(Guid.NewGuid(), TestClock.Start).ShouldSucceed();
        var at = TestClock.Start.AddDays(daysLater);

        pack.IsCurrent(at).Should().Be(current);
        ClassPack.Current(at).IsSatisfiedBy(pack).Should().Be(current);
        ClassPack.Current(at).Expression.Compile()(pack).Should().Be(current);
    }

    [Fact]
    public void Booking_TakesSeat_Confirmed_NotWaitlisted_NotCancelled()
    {
        var session = A.Session.StartingAt(TestClock.Start.AddDays(3)).Build();
        var confirmed = A.Booking.Of(session).Build();
        var waitlisted = A.Booking.Of(session).Waitlisted(1).Build();
        var cancelled = A.Booking.Of(session).Build();
        cancelled.Cancel(session, BookingPolicy.Default, waiveLateFee: false, TestClock.Start).ShouldSucceed();
        var takesSeat = Booking.TakesSeat.Expression.Compile();

        new[] { confirmed, waitlisted, cancelled }.Select(b => (b.HoldsSeat, takesSeat(b))).Should().Equal((true, true), (false, false), (false, false));
    }

    [Fact]
    public void Or_IsEitherRule_InTheExpressionAndInMemory()
    {
        var session = A.Session.StartingAt(TestClock.Start.AddDays(3)).Build();
        var waitlisted = A.Booking.Of(session).Waitlisted(1).Build();
        var confirmed = A.Booking.Of(session).Build();
        var cancelled = A.Booking.Of(session).Build();
        cancelled.Cancel(session, BookingPolicy.Default, waiveLateFee: false, TestClock.Start).ShouldSucceed();
        var either = Booking.TakesSeat.Or(Criterion<Booking>.Of(b => b.Status == BookingStatus.Waitlisted));
        var inQuery = either.Expression.Compile();

        // Right side only, left side only, neither: each rule counts, and only they do.
        new[] { waitlisted, confirmed, cancelled }.Select(either.IsSatisfiedBy).Should().Equal(true, true, false);
        new[] { waitlisted, confirmed, cancelled }.Select(inQuery).Should().Equal(true, true, false);
        either.Expression.Parameters.Should().ContainSingle();
    }

    [Fact]
    public void At_PutsTheArgumentInAClosure_SoAQuerySendsItAsAParameter()
    {
        var expression = Membership.InForce(Start).Expression;

        var constants = new ConstantFinder();
        constants.Visit(expression);

        constants.Found.Should().NotContain(c => c.Type == typeof(DateOnly), "a constant date would give every day its own query plan");
    }

    private static Membership Sold(string name)
    {
        var builder = A.Membership;
        var membership = name switch
        {
            "open-ended" => builder.Running(Start, null).Build(),
            "starts in a week" => builder.Running(Start.AddDays(7), null).Build(),
            _ => builder.Running(Start, End).Build(),
        };
        switch (name)
        {
            case "paused from day 10 until day 20":
                membership.Pause(Start.AddDays(10), Start.AddDays(20), TestClock.Start).ShouldSucceed();
                break;
            case "paused open-ended from day 10":
                membership.Pause(Start.AddDays(10), null, TestClock.Start).ShouldSucceed();
                break;
            case "cancelled to day 15":
                membership.Cancel(Start.AddDays(15), TestClock.Start).ShouldSucceed();
                break;
        }
        return membership;
    }

    private sealed class ConstantFinder : ExpressionVisitor
    {
        public List<ConstantExpression> Found { get; } = [];

        protected override Expression VisitConstant(ConstantExpression node)
        {
            Found.Add(node);
            return base.VisitConstant(node);
        }
    }
}
