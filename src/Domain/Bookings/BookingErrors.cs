namespace UnifiedCustomers.Domain.Bookings;

public static class BookingErrors
{
    public static readonly Error NotFound = Error.NotFound("booking.not_found", "No such booking in this organization.");
    public static readonly Error AlreadyBooked = Error.Conflict("booking.already_booked", "The customer already has a booking for this class.");
    public static readonly Error NotCancellable = Error.Conflict("booking.not_cancellable", "Only a confirmed or waitlisted booking can be cancelled.");
    public static readonly Error NotWaitlisted = Error.Conflict("booking.not_waitlisted", "Only a waitlisted booking can be promoted.");
    public static readonly Error NotConfirmed = Error.Conflict("booking.not_confirmed", "Only a confirmed booking can be checked in or marked as a no-show.");
    public static readonly Error NotCheckedIn = Error.Conflict("booking.not_checked_in", "The booking is not checked in.");
    public static readonly Error CheckInNotOpen = new("checkin.not_open", "Check-in opens 30 minutes before the class starts.");
    public static readonly Error CheckInClosed = new("checkin.closed", "Check-in closed when the class ended.");
    public static readonly Error IdempotencyKeyReused = Error.Conflict("booking.idempotency_key_reused", "This idempotency key was used for another booking request.");
    public static readonly Error NoPaymentAvailable = new("payment.none_available", "No membership, pack or drop-in can pay for this class.");
    public static readonly Error PaymentMethodInvalid = Error.Invalid("payment.method_invalid", "Choose membership, pack, drop_in or complimentary.", "payment.method");
    public static readonly Error BatchRefused = Error.Rule("booking.batch_refused", "At least one session could not be booked, so none was (all-or-nothing).");
    public static readonly Error DropInNotAllowed = new("payment.drop_in_not_allowed", "Drop-ins are only for leads and trials, when the studio allows them.");
}
