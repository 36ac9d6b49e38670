using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings;

/// <summary>What a frontend needs to confirm a booking to a person.</summary>
/// <param name="StartsAtLocal">the class's start in the studio's time zone, with its offset</param>
/// <param name="CreditsRemaining">credits left on the pack that paid, when a pack paid</param>
/// <param name="AllowanceRemaining">classes left in the membership's period; null when unlimited or not paid by a membership</param>
public sealed record BookingResponse(
    Guid Id,
    BookingStatus Status,
    Guid CustomerId,
    Guid SessionId,
    Guid ClassTypeId,
    string ClassName,
    DateTimeOffset StartsAtUtc,
    DateTimeOffset StartsAtLocal,
    string TimeZone,
    PaymentMethod PaymentMethod,
    Guid? MembershipId,
    Guid? PackId,
    int? CreditsRemaining,
    int? AllowanceRemaining,
    int? WaitlistPosition,
    DateTimeOffset BookedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? CheckedInAt);

internal static class BookingResponses
{
    public static BookingResponse From(BookingDecision made, Domain.Organizations.Organization organization)
    {
        var (booking, session) = (made.Booking, made.Session.Session);
        return new BookingResponse(
            booking.Id, booking.Status, booking.CustomerId, booking.SessionId, session.ClassTypeId, made.Session.ClassName,
            session.StartsAt, organization.LocalTime(session.StartsAt), organization.TimeZone,
            booking.PaymentMethod, booking.MembershipId, booking.PackId, made.CreditsRemaining, made.AllowanceRemaining,
            booking.WaitlistPosition, booking.BookedAt, booking.CancelledAt, booking.CheckedInAt);
    }

    /// <summary>A booking as lists show it: what happened, without the balance left (GetCustomerBalance has it).</summary>
    public static BookingResponse Listed(Booking booking, DateTimeOffset startsAt, Guid classTypeId, string className, Domain.Organizations.Organization organization) => new(
        booking.Id, booking.Status, booking.CustomerId, booking.SessionId, classTypeId, className,
        startsAt, organization.LocalTime(startsAt), organization.TimeZone, booking.PaymentMethod, booking.MembershipId, booking.PackId,
        null, null, booking.WaitlistPosition, booking.BookedAt, booking.CancelledAt, booking.CheckedInAt);
}
