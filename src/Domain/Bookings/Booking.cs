using System.Linq.Expressions;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Domain.Bookings;

/// <summary>What a cancellation means for the money: whether to give back what was spent, and whether a seat was freed.</summary>
public readonly record struct CancellationOutcome(bool Refund, bool FreedSeat);

/// <summary>
/// A customer's place in a class session, from booking (or waitlist) to attendance. Bookings are
/// never deleted: a cancellation is a state, so history stays whole.
/// </summary>
public sealed class Booking : Entity, ITenantOwned
{
    public const int IdempotencyKeyMaxLength = 100;
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromMinutes(30);

    private Booking() { }

    public Guid OrganizationId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid SessionId { get; private set; }
    public BookingStatus Status { get; private set; }
    public PaymentMethod PaymentMethod { get; private set; }
    public Guid? MembershipId { get; private set; }
    public Guid? PackId { get; private set; }
    /// <summary>Whether what the payment spent still stands (false while waitlisted and after a refund).</summary>
    public bool Charged { get; private set; }
    /// <summary>
    /// The class's start when a membership paid for it, kept once the class moves: the allowance
    /// period the charge counts in (docs/adr/0034). Null while the class is where it was booked.
    /// </summary>
    public DateTimeOffset? ChargedFor { get; private set; }
    public int? WaitlistPosition { get; private set; }
    public BookingSource Source { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? PromotedAt { get; private set; }

    public BookingPayment Payment
    {
        get => new(PaymentMethod, MembershipId, PackId);
        private set => (PaymentMethod, MembershipId, PackId) = (value.Method, value.MembershipId, value.PackId);
    }

    public bool IsActive => BookingStatuses.Active.Contains(Status);
    /// <summary>The booking occupies a seat of the session's capacity.</summary>
    public static readonly Criterion<Booking> TakesSeat = Criterion<Booking>.Of(b => BookingStatuses.HoldingSeat.Contains(b.Status));

    public bool HoldsSeat => TakesSeat.IsSatisfiedBy(this);

    // Written once: inlined into queries by WithChargedInstant, compiled for ChargedInstant.
    private static readonly Expression<Func<Booking, ClassSession, DateTimeOffset>> ChargedInstantRule = (booking, session) => booking.ChargedFor ?? session.StartsAt;
    private static readonly Func<Booking, ClassSession, DateTimeOffset> ChargedInstantOf = ChargedInstantRule.Compile();

    /// <summary>
    /// The instant the booking's charge counts at, for a membership's allowance: the start its class had
    /// when it was booked (docs/adr/0034), which is the class's start unless the class has moved since.
    /// </summary>
    public DateTimeOffset ChargedInstant(ClassSession session) => ChargedInstantOf(this, session);

    /// <summary>
    /// A join of bookings with their sessions for a query, whose selector is handed each booking's
    /// <see cref="ChargedInstant"/> as EF translates it.
    /// </summary>
    public static Expression<Func<Booking, ClassSession, TResult>> WithChargedInstant<TResult>(Expression<Func<Booking, ClassSession, DateTimeOffset, TResult>> selector)
    {
        var (booking, session) = (selector.Parameters[0], selector.Parameters[1]);
        var instant = Expressions.Substitute(
            Expressions.Substitute(ChargedInstantRule.Body, ChargedInstantRule.Parameters[0], booking), ChargedInstantRule.Parameters[1], session);
        return Expression.Lambda<Func<Booking, ClassSession, TResult>>(Expressions.Substitute(selector.Body, selector.Parameters[2], instant), booking, session);
    }

    /// <summary>
    /// A new booking, made only by <see cref="BookingDesk.Book"/>, which has checked every rule on its
    /// snapshot (the seat count under the session's lock) and chosen the payment; a waitlisted booking
    /// spends nothing yet.
    /// </summary>
    internal static Booking Create(
        Customer customer, ClassSession session, Admission admission, BookingPayment payment, BookingSource source, string? idempotencyKey, DateTimeOffset now)
    {
        var booking = new Booking
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = customer.OrganizationId,
            CustomerId = customer.Id,
            SessionId = session.Id,
            Status = admission.Waitlisted ? BookingStatus.Waitlisted : BookingStatus.Confirmed,
            WaitlistPosition = admission.WaitlistPosition,
            Payment = payment,
            Charged = !admission.Waitlisted && payment.Consumes,
            Source = source,
            IdempotencyKey = idempotencyKey,
            BookedAt = now,
        };
        booking.Raise(admission.Waitlisted ? new BookingWaitlisted(booking) : new BookingConfirmed(booking));
        return booking;
    }

    /// <summary>
    /// Before the late-cancel window: cancelled and refunded. Inside it: late-cancelled, and what
    /// was spent is forfeited when the policy says so, unless staff waive it.
    /// </summary>
    public Result<CancellationOutcome> Cancel(ClassSession session, BookingPolicy policy, bool waiveLateFee, DateTimeOffset now)
    {
        if (!BookingStatuses.Cancellable.Contains(Status)) return BookingErrors.NotCancellable;
        CancelledAt = now;
        if (Status == BookingStatus.Waitlisted)
        {
            Status = BookingStatus.Cancelled;
            WaitlistPosition = null;
            Raise(new BookingCancelled(this, Late: false));
            return new CancellationOutcome(Refund: false, FreedSeat: false);
        }

        var late = policy.IsLateCancellation(session.StartsAt, now);
        Status = late ? BookingStatus.LateCancelled : BookingStatus.Cancelled;
        var refund = Charged && (!late || !policy.LateCancelForfeitsCredit || waiveLateFee);
        if (refund) Uncharge();
        Raise(new BookingCancelled(this, late));
        return new CancellationOutcome(refund, FreedSeat: true);
    }

    /// <summary>The class was cancelled by the studio: every active booking is cancelled and refunded.</summary>
    public CancellationOutcome CancelWithSession(DateTimeOffset now)
    {
        if (!BookingStatuses.CancelledWithTheirSession.Contains(Status)) return default;
        var refund = Charged;
        Status = BookingStatus.Cancelled;
        WaitlistPosition = null;
        Uncharge();
        CancelledAt = now;
        Raise(new BookingCancelled(this, Late: false));
        return new CancellationOutcome(refund, FreedSeat: false);
    }

    /// <summary>Given back: nothing stays spent, for any period.</summary>
    private void Uncharge() => (Charged, ChargedFor) = (false, null);

    /// <summary>
    /// Its class moved from <paramref name="previousStart"/>: what a membership spent on it stays spent
    /// for the period it was booked in. A second move keeps the first start.
    /// </summary>
    internal void KeepChargeWhenMoved(DateTimeOffset previousStart)
    {
        if (Charged && MembershipId is not null) ChargedFor ??= previousStart;
    }

    /// <summary>From the waitlist to a seat, paid the way the promotion found.</summary>
    public Result Promote(BookingPayment payment, DateTimeOffset now)
    {
        if (Status != BookingStatus.Waitlisted) return BookingErrors.NotWaitlisted;
        Status = BookingStatus.Confirmed;
        Payment = payment;
        Charged = payment.Consumes;
        WaitlistPosition = null;
        PromotedAt = now;
        Raise(new BookingPromoted(this));
        return Result.Success();
    }

    /// <summary>Waitlist positions close up when someone ahead leaves or moves up.</summary>
    public void MoveToWaitlistPosition(int position)
    {
        if (Status != BookingStatus.Waitlisted || position < 1)
            throw new InvalidOperationException($"Booking {Id} is {Status}; only a waitlisted booking has a position ≥ 1.");
        WaitlistPosition = position;
    }

    public Result CheckIn(ClassSession session, DateTimeOffset now)
    {
        if (session.Status == SessionStatus.Cancelled) return SessionErrors.Cancelled;
        if (Status != BookingStatus.Confirmed) return BookingErrors.NotConfirmed;
        if (now < session.StartsAt - CheckInOpensBefore) return BookingErrors.CheckInNotOpen;
        if (now > session.EndsAt) return BookingErrors.CheckInClosed;
        Status = BookingStatus.Attended;
        CheckedInAt = now;
        Raise(new BookingCheckedIn(this));
        return Result.Success();
    }

    public Result UndoCheckIn(ClassSession session)
    {
        // A cancelled class keeps no booking alive (a legacy check-in on one included).
        if (session.Status == SessionStatus.Cancelled) return SessionErrors.Cancelled;
        if (Status != BookingStatus.Attended) return BookingErrors.NotCheckedIn;
        Status = BookingStatus.Confirmed;
        CheckedInAt = null;
        Raise(new BookingCheckInUndone(this));
        return Result.Success();
    }

    public Result MarkNoShow(ClassSession session, DateTimeOffset now)
    {
        if (Status != BookingStatus.Confirmed) return BookingErrors.NotConfirmed;
        if (!session.HasStarted(now)) return SessionErrors.NotStarted;
        Status = BookingStatus.NoShow;
        Raise(new BookingMarkedNoShow(this));
        return Result.Success();
    }

    /// <summary>Part of a merge: the booking follows its person to the surviving customer.</summary>
    internal void MoveTo(Customer survivor) => CustomerId = survivor.Id;

    /// <summary>Part of a merge: a second active booking of the same class collapses into the survivor's.</summary>
    internal CancellationOutcome CollapseAsDuplicate(DateTimeOffset now) => CancelWithSession(now);
}
