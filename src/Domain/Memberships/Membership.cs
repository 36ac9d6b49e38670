using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Domain.Memberships;

/// <summary>
/// A customer's membership. The plan's terms are copied at sale, so a later change to the plan
/// does not change what this customer bought. Usage is counted from the bookings it paid for.
/// </summary>
public sealed class Membership : Entity, ITenantOwned
{
    private readonly List<PausePeriod> _pauses = [];

    private Membership() { }

    public Guid OrganizationId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid PlanId { get; private set; }
    public Allowance Allowance { get; private set; }
    public Guid[] ClassTypeIds { get; private set; } = [];
    public bool IsTrial { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public MembershipStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public IReadOnlyList<PausePeriod> Pauses => _pauses;

    public static Result<Membership> Sell(Customer customer, MembershipPlan plan, DateOnly startDate, DateOnly? endDate, DateTimeOffset now, Guid? id = null)
    {
        var refused = Result.Combine(
            customer.EnsureCanBook(),
            plan.EnsureCanBeSold(),
            DateBounds.Check(startDate, "startDate") ?? DateBounds.Check(endDate, "endDate") ?? Result.Success(),
            Result.Ensure(!(endDate < startDate), MembershipErrors.DatesInvalid));
        if (refused.IsFailure) return refused.Error!;
        var membership = new Membership
        {
            Id = id ?? Guid.CreateVersion7(now),
            OrganizationId = customer.OrganizationId,
            CustomerId = customer.Id,
            PlanId = plan.Id,
            Allowance = plan.Allowance,
            ClassTypeIds = plan.ClassTypeIds,
            IsTrial = plan.IsTrial,
            StartDate = startDate,
            EndDate = endDate,
            Status = MembershipStatus.Active,
            CreatedAt = now,
        };
        membership.Raise(new MembershipSold(membership));
        return membership;
    }

    /// <summary>Sold and not over: active or paused, neither expired nor cancelled. What a booking may still be paid with or refused for.</summary>
    public static readonly Criterion<Membership> Live = Criterion<Membership>.Of(m => m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Paused);

    /// <summary>Active and running on that date (it may still be paused then).</summary>
    public bool IsCurrentOn(DateOnly date) => Live.IsSatisfiedBy(this) && date >= StartDate && (EndDate is null || date <= EndDate);

    // A paused membership is in force before its open pause begins: the pause's dates, not the status, say when it stops covering.
    private static readonly Criterion<Membership, DateOnly> InForceRule = Criterion<Membership>.Of<DateOnly>((m, date) =>
        m.StartDate <= date && (m.EndDate == null || m.EndDate >= date)
        && !m.Pauses.Any(p => p.From <= date && (p.Until == null || p.Until > date))).And(Live);

    private static readonly Criterion<Membership, DateOnly> EndedRule =
        Criterion<Membership>.Of<DateOnly>((m, date) => m.EndDate != null && m.EndDate < date).And(Live);

    /// <summary>Counts towards "member" or "trial" on that date: live, running, not paused on that date.</summary>
    public static Criterion<Membership> InForce(DateOnly on) => InForceRule.At(on);

    /// <summary>Still active or paused although its end date is before that date: the daily run expires it.</summary>
    public static Criterion<Membership> Ended(DateOnly on) => EndedRule.At(on);

    /// <inheritdoc cref="InForce"/>
    public bool IsInForceOn(DateOnly date) => InForceRule.IsSatisfiedBy(this, date);

    /// <summary>Whether this membership may pay for a class on that local date, before counting usage.</summary>
    public Result CanCover(DateOnly sessionDate, Guid classTypeId)
    {
        if (!IsCurrentOn(sessionDate)) return MembershipErrors.Expired;
        if (_pauses.Any(p => p.Covers(sessionDate))) return MembershipErrors.Paused;
        if (ClassTypeIds.Length > 0 && !ClassTypeIds.Contains(classTypeId)) return MembershipErrors.ClassTypeNotCovered;
        return Result.Success();
    }

    /// <summary>The allowance period containing a date: [From, Until) in the studio's local dates.</summary>
    public (DateOnly From, DateOnly Until) PeriodContaining(DateOnly date) => Allowance.Period switch
    {
        AllowancePeriod.Week => (date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), date.AddDays(7 - (((int)date.DayOfWeek + 6) % 7))),
        AllowancePeriod.Month => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1)),
        AllowancePeriod.Year => (new DateOnly(date.Year, 1, 1), new DateOnly(date.Year + 1, 1, 1)),
        // A term without an end runs to the end of the accepted range; EndDate never exceeds DateBounds.Max.
        _ => (StartDate, (EndDate ?? DateBounds.Max).AddDays(1)),
    };

    /// <summary>Whether one more class fits, given the classes already paid in the period.</summary>
    public Result HasRoomFor(int usedInPeriod) =>
        Allowance.IsUnlimited || usedInPeriod < Allowance.Classes ? Result.Success() : MembershipErrors.AllowanceUsed;

    public int? Remaining(int usedInPeriod) => Allowance.IsUnlimited ? null : Math.Max(0, Allowance.Classes!.Value - usedInPeriod);

    public Result Pause(DateOnly from, DateOnly? until, DateTimeOffset now)
    {
        if ((DateBounds.Check(from, "from") ?? DateBounds.Check(until, "until")) is { } outOfRange) return outOfRange;
        if (Status != MembershipStatus.Active) return MembershipErrors.NotActive;
        if (until <= from) return MembershipErrors.PauseInvalid;
        _pauses.Add(new PausePeriod(from, until));
        if (until is null) Status = MembershipStatus.Paused;
        Raise(new MembershipPaused(this));
        return Result.Success();
    }

    /// <summary>Ends an open pause on a date (the membership covers classes again from that date).</summary>
    public Result Resume(DateOnly on)
    {
        if (DateBounds.Check(on, "on") is { } outOfRange) return outOfRange;
        var open = _pauses.FindIndex(p => p.Until is null);
        if (Status != MembershipStatus.Paused || open < 0) return MembershipErrors.NotPaused;
        var pause = _pauses[open];
        _pauses[open] = pause with { Until = on < pause.From ? pause.From : on };
        Status = MembershipStatus.Active;
        Raise(new MembershipResumed(this));
        return Result.Success();
    }

    public Result Cancel(DateOnly endDate, DateTimeOffset now)
    {
        if (DateBounds.Check(endDate, "endDate") is { } outOfRange) return outOfRange;
        if (Status is MembershipStatus.Cancelled or MembershipStatus.Expired) return MembershipErrors.NotActive;
        if (endDate < StartDate) return MembershipErrors.DatesInvalid;
        Status = MembershipStatus.Cancelled;
        EndDate = EndDate is null || endDate < EndDate ? endDate : EndDate;
        CancelledAt = now;
        Raise(new MembershipCancelled(this));
        return Result.Success();
    }

    /// <summary>Time-driven expiry, run by the daily recompute.</summary>
    public bool ExpireIfEnded(DateOnly today)
    {
        if (!EndedRule.IsSatisfiedBy(this, today)) return false;
        Status = MembershipStatus.Expired;
        Raise(new MembershipExpired(this));
        return true;
    }

    internal void MoveTo(Customer survivor) => CustomerId = survivor.Id;
}
