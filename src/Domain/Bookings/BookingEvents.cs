namespace UnifiedCustomers.Domain.Bookings;

public sealed record BookingConfirmed(Booking Booking) : IDomainEvent { public ITenantOwned Subject => Booking; }

public sealed record BookingWaitlisted(Booking Booking) : IDomainEvent { public ITenantOwned Subject => Booking; }

public sealed record BookingPromoted(Booking Booking) : IDomainEvent { public ITenantOwned Subject => Booking; }

/// <param name="Late">inside the late-cancel window (status late_cancelled)</param>
public sealed record BookingCancelled(Booking Booking, bool Late) : IDomainEvent { public ITenantOwned Subject => Booking; }

public sealed record BookingCheckedIn(Booking Booking) : IDomainEvent { public ITenantOwned Subject => Booking; }

public sealed record BookingCheckInUndone(Booking Booking) : IDomainEvent { public ITenantOwned Subject => Booking; }

public sealed record BookingMarkedNoShow(Booking Booking) : IDomainEvent { public ITenantOwned Subject => Booking; }
