using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Infrastructure.Persistence.Conventions;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// The domain's rules that the fold's SQL states over work tables, written from the domain's own
/// definitions so that the fold and the application cannot drift apart.
/// </summary>
internal static class DomainRulesInSql
{
    /// <summary>The stored statuses of a booking that holds a seat (<see cref="Booking.TakesSeat"/>).</summary>
    public static readonly string SeatHoldingStatuses = SnakeCaseEnumConverter<BookingStatus>.SqlValues(BookingStatuses.HoldingSeat);

    /// <summary>The stored statuses of a booking that staff may still cancel (<see cref="BookingStatuses.Cancellable"/>).</summary>
    public static readonly string Cancellable = SnakeCaseEnumConverter<BookingStatus>.SqlValues(BookingStatuses.Cancellable);
}
