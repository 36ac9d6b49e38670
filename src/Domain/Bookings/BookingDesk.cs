using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Domain.Bookings;

/// <summary>How a customer asks to book one session.</summary>
/// <param name="Payment">how to pay; null lets the studio's rules choose</param>
/// <param name="JoinWaitlistIfFull">when the class is full, join its waitlist instead of being refused</param>
public sealed record BookingRequest(PaymentChoice? Payment = null, bool JoinWaitlistIfFull = false, BookingSource Source = BookingSource.Api, string? IdempotencyKey = null);

/// <summary>
/// What the desk decided about one booking: the booking as it now stands (new, promoted, cancelled,
/// checked in ...), the ledger rows to append, and what the membership or pack that paid has left.
/// A pack that paid or was refunded has been changed in place.
/// </summary>
public sealed record BookingDecision(
    Booking Booking, SessionAtDesk Session, IReadOnlyList<CreditLedgerEntry> LedgerRows, int? CreditsRemaining, int? AllowanceRemaining);

/// <summary>
/// Every booking rule, in order, in one place. The callers load a snapshot (the customer's account
/// under the customer's row lock, then the session under its row lock) and store what the decision
/// returns; they never decide. Refusals are named errors, tried in this order:
/// <list type="number">
/// <item>the customer can book (customer.archived)</item>
/// <item>the session exists in the organization (session.not_found)</item>
/// <item>the session is open: not cancelled, not started, inside the booking window (session.cancelled,
/// session.started, booking.window_not_open, booking.window_closed)</item>
/// <item>the customer holds no active booking of it (booking.already_booked)</item>
/// <item>a seat is free, else the waitlist when asked for and not capped (session.full, waitlist.full)</item>
/// <item>something pays: the chosen way, else a membership whose allowance covers it, the pack that
/// expires first, a drop-in for a lead or trial when the studio allows it (payment.*, membership.*, pack.*)</item>
/// </list>
/// A seat spends the payment (a pack credit, or a class of the membership's allowance) and writes a
/// ledger row; a waitlist place spends nothing until it is promoted.
/// </summary>
public static class BookingDesk
{
    /// <summary>Books one session, or refuses with the first rule that fails. The dry run of the eligibility check is this call, unsaved.</summary>
    public static Result<BookingDecision> Book(CustomerAccount account, SessionAtDesk? session, BookingRequest request, DateTimeOffset now)
    {
        var canBook = account.Customer.EnsureCanBook();
        if (canBook.IsFailure) return canBook.Error!;
        if (session is null) return SessionErrors.NotFound;
        var open = session.Session.EnsureOpenForBooking(account.Policy, now);
        if (open.IsFailure) return open.Error!;
        if (session.IsHeldBy(account.Customer.Id)) return BookingErrors.AlreadyBooked;
        var admission = session.Session.Admit(session.SeatsTaken, session.Waitlisted, request.JoinWaitlistIfFull, account.Policy);
        if (admission.IsFailure) return admission.Error!;
        var payment = ChoosePayment(account, session.Session, request.Payment, now);
        if (payment.IsFailure) return payment.Error!;

        var booking = Booking.Create(account.Customer, session.Session, admission.Value, payment.Value, request.Source, request.IdempotencyKey, now);
        var ledger = booking.Charged ? [Charge(account, booking, session.Session, LedgerReason.Booked, now)] : Array.Empty<CreditLedgerEntry>();
        session.Took(booking);
        return Decision(account, session, booking, ledger);
    }

    /// <summary>
    /// The waitlisted bookings to offer freed seats to, in waitlist order, while a seat is free and the
    /// promotion cutoff has not passed. Whoever cannot pay is skipped (<see cref="Promote"/> refuses) and keeps their place.
    /// </summary>
    public static IEnumerable<Booking> PromotionCandidates(SessionAtDesk session, Organizations.BookingPolicy policy, DateTimeOffset now)
    {
        if (session.Session.Status != SessionStatus.Scheduled || !policy.PromotesAt(session.Session.StartsAt, now)) yield break;
        foreach (var candidate in session.Waitlist.ToList())
        {
            if (!session.HasFreeSeat) yield break;
            yield return candidate;
        }
    }

    /// <summary>A waitlisted booking takes a freed seat, paid however its customer can pay now (the studio's rules choose).</summary>
    public static Result<BookingDecision> Promote(CustomerAccount account, SessionAtDesk session, Booking waitlisted, DateTimeOffset now)
    {
        EnsureBelongs(account, session, waitlisted);
        var canBook = account.Customer.EnsureCanBook();
        if (canBook.IsFailure) return canBook.Error!;
        if (waitlisted.Status != BookingStatus.Waitlisted) return BookingErrors.NotWaitlisted;
        if (!session.HasFreeSeat) return SessionErrors.Full;
        var promoted = ChoosePayment(account, session.Session, choice: null, now).Bind(payment => waitlisted.Promote(payment, now));
        if (promoted.IsFailure) return promoted.Error!;
        var ledger = waitlisted.Charged ? [Charge(account, waitlisted, session.Session, LedgerReason.Promoted, now)] : Array.Empty<CreditLedgerEntry>();
        session.Promoted();
        return Decision(account, session, waitlisted, ledger);
    }

    /// <summary>Waitlist positions stay 1..n in the order people joined, whoever left or moved up.</summary>
    public static void CloseUpWaitlist(SessionAtDesk session)
    {
        var position = 1;
        foreach (var waiting in session.Waitlist.ToList()) waiting.MoveToWaitlistPosition(position++);
    }

    /// <summary>
    /// The customer (or staff) cancels: before the late window it is refunded; inside it, what was
    /// spent is forfeited when the policy says so, unless staff waive it. A freed seat is then offered
    /// to the waitlist (<see cref="PromotionCandidates"/>).
    /// </summary>
    public static Result<BookingDecision> Cancel(CustomerAccount account, SessionAtDesk session, Booking booking, bool waiveLateFee, DateTimeOffset now)
    {
        EnsureBelongs(account, session, booking);
        var wasWaitlisted = booking.Status == BookingStatus.Waitlisted;
        return booking.Cancel(session.Session, account.Policy, waiveLateFee, now).Map(cancelled =>
        {
            var ledger = cancelled.Refund ? [Refund(account, booking, LedgerReason.CancellationRefund, now)] : Array.Empty<CreditLedgerEntry>();
            session.Left(booking, cancelled.FreedSeat, wasWaitlisted);
            return Decision(account, session, booking, ledger);
        });
    }

    /// <summary>The studio cancelled the class: an active booking is cancelled and what it spent is given back.</summary>
    /// <returns>the refund's ledger row, or none when nothing was spent</returns>
    public static IReadOnlyList<CreditLedgerEntry> CancelWithSession(CustomerAccount account, Booking booking, DateTimeOffset now)
    {
        if (booking.CustomerId != account.Customer.Id) throw new ArgumentException("The booking is another customer's.", nameof(booking));
        return booking.CancelWithSession(now).Refund ? [Refund(account, booking, LedgerReason.SessionCancelled, now)] : [];
    }

    /// <summary>
    /// Staff move a class that has not started; every booking stays. What a membership spent on it
    /// stays spent for the period the class was in when it was booked (docs/adr/0034), so a move
    /// changes nobody's allowance usage: a booking made after it pays for the new start.
    /// </summary>
    /// <param name="charged">the session's charged bookings</param>
    public static Result Reschedule(SessionAtDesk session, IEnumerable<Booking> charged, DateTimeOffset startsAt, DateTimeOffset? endsAt, DateTimeOffset now)
    {
        var previousStart = session.Session.StartsAt;
        return session.Session.Reschedule(startsAt, endsAt, session.SeatsTaken, now).Tap(() =>
        {
            if (session.Session.StartsAt == previousStart) return;
            foreach (var booking in charged)
            {
                if (booking.SessionId != session.Session.Id) throw new ArgumentException($"Booking {booking.Id} is another session's.", nameof(charged));
                booking.KeepChargeWhenMoved(previousStart);
            }
        });
    }

    /// <summary>The customer arrived: from 30 minutes before the class until it ends.</summary>
    public static Result<BookingDecision> CheckIn(CustomerAccount account, SessionAtDesk session, Booking booking, DateTimeOffset now) =>
        Changed(account, session, booking, booking.CheckIn(session.Session, now));

    /// <summary>A check-in made by mistake is taken back.</summary>
    public static Result<BookingDecision> UndoCheckIn(CustomerAccount account, SessionAtDesk session, Booking booking) =>
        Changed(account, session, booking, booking.UndoCheckIn(session.Session));

    /// <summary>The customer did not come: only once the class has started. What was spent stays spent.</summary>
    public static Result<BookingDecision> MarkNoShow(CustomerAccount account, SessionAtDesk session, Booking booking, DateTimeOffset now) =>
        Changed(account, session, booking, booking.MarkNoShow(session.Session, now));

    /// <summary>A stored booking as it stands, with what the membership or pack that paid has left.</summary>
    public static BookingDecision Describe(CustomerAccount account, SessionAtDesk session, Booking booking)
    {
        EnsureBelongs(account, session, booking);
        return Decision(account, session, booking, []);
    }

    private static Result<BookingDecision> Changed(CustomerAccount account, SessionAtDesk session, Booking booking, Result change)
    {
        EnsureBelongs(account, session, booking);
        return change.Map(() => Decision(account, session, booking, []));
    }

    private static Result<BookingPayment> ChoosePayment(CustomerAccount account, ClassSession session, PaymentChoice? choice, DateTimeOffset now)
    {
        var date = account.Organization.LocalDate(session.StartsAt);
        return PaymentSelector.Choose(new PaymentContext(account.Customer, session, date, account.UsageOn(date), account.Packs, account.Policy, now), choice);
    }

    private static CreditLedgerEntry Charge(CustomerAccount account, Booking booking, ClassSession session, LedgerReason reason, DateTimeOffset now)
    {
        if (booking.PackId is { } packId)
        {
            var consumed = account.Pack(packId)!.Consume(session.ClassTypeId, session.StartsAt);
            if (consumed.IsFailure) throw new InvalidOperationException($"Pack {packId} was chosen but cannot pay: {consumed.Error!.Code}");
        }
        account.RecordCharge(booking, session);
        return CreditLedgerEntry.Consumed(booking, reason, now);
    }

    private static CreditLedgerEntry Refund(CustomerAccount account, Booking booking, LedgerReason reason, DateTimeOffset now)
    {
        if (booking.PackId is { } packId)
            (account.Pack(packId) ?? throw new InvalidOperationException($"Pack {packId} paid for booking {booking.Id}: include it in the account to refund it.")).Refund(now);
        account.RemoveCharge(booking);
        return CreditLedgerEntry.Refunded(booking, reason, now);
    }

    private static BookingDecision Decision(CustomerAccount account, SessionAtDesk session, Booking booking, IReadOnlyList<CreditLedgerEntry> ledger)
    {
        var pack = account.Pack(booking.PackId);
        var membership = account.Membership(booking.MembershipId);
        var allowance = membership?.Remaining(account.UsedInPeriod(membership, account.Organization.LocalDate(booking.ChargedInstant(session.Session))));
        return new BookingDecision(booking, session, ledger, pack?.CreditsRemaining, allowance);
    }

    private static void EnsureBelongs(CustomerAccount account, SessionAtDesk session, Booking booking)
    {
        if (booking.CustomerId != account.Customer.Id || booking.SessionId != session.Session.Id)
            throw new ArgumentException($"Booking {booking.Id} is not the account's customer's booking of this session.", nameof(booking));
    }
}
