using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Events;

// The `data` of each event type: the resource with the field names the API uses, built from the
// aggregate alone (no extra query on the command's path). docs/events.md lists which type carries which.

/// <summary>A change of lifecycle status, and why (a sale, the daily run, archive, restore, merge).</summary>
public sealed record CustomerLifecycleChangedData(CustomerResponse Customer, LifecycleStatus From, LifecycleStatus To, string Cause);

/// <param name="MergedCustomerId">the duplicate: archived now, with mergedIntoId pointing at the customer</param>
public sealed record CustomerMergedData(CustomerResponse Customer, Guid MergedCustomerId);

/// <summary>A booking's own fields (the booking endpoints add the class's name, local time and balances).</summary>
public sealed record BookingEventData(
    Guid Id,
    BookingStatus Status,
    Guid CustomerId,
    Guid SessionId,
    PaymentMethod PaymentMethod,
    Guid? MembershipId,
    Guid? PackId,
    bool Charged,
    int? WaitlistPosition,
    BookingSource Source,
    DateTimeOffset BookedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? PromotedAt);

public sealed record SessionEventData(
    Guid Id,
    Guid ClassTypeId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    Guid? InstructorId,
    Guid? LocationId,
    SessionStatus Status,
    DateTimeOffset? CancelledAt);

/// <summary>A class that moved: the session at its new times, where it was, and the seats its bookings hold (none of them changes).</summary>
public sealed record SessionRescheduledData(SessionEventData Session, DateTimeOffset PreviousStartsAt, DateTimeOffset PreviousEndsAt, int SeatsTaken);

public sealed record PauseEventData(DateOnly From, DateOnly? Until);

public sealed record MembershipEventData(
    Guid Id,
    Guid CustomerId,
    Guid PlanId,
    AllowancePeriod AllowancePeriod,
    int? AllowanceClasses,
    IReadOnlyList<Guid> ClassTypeIds,
    bool IsTrial,
    DateOnly StartDate,
    DateOnly? EndDate,
    MembershipStatus Status,
    IReadOnlyList<PauseEventData> Pauses,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt);

public sealed record PackEventData(
    Guid Id,
    Guid CustomerId,
    Guid ProductId,
    int CreditsTotal,
    int CreditsRemaining,
    IReadOnlyList<Guid> ClassTypeIds,
    bool IsTrial,
    PackStatus Status,
    DateTimeOffset PurchasedAt,
    DateTimeOffset? ExpiresAt);

/// <summary>The subscription without its secret.</summary>
public sealed record WebhookSubscriptionDisabledData(Guid Id, string Url, DateTimeOffset? DisabledAt, string? Reason, DateTimeOffset? FailingSince);

internal static class EventPayloads
{
    public static CustomerResponse Of(Customer c) => new(
        c.Id, c.FirstName, c.LastName, c.FullName, c.Email, c.Phone, c.Source, c.Notes, c.Status, c.MergedIntoId, c.CreatedAt, c.UpdatedAt, c.ErasedAt);

    public static BookingEventData Of(Booking b) => new(
        b.Id, b.Status, b.CustomerId, b.SessionId, b.PaymentMethod, b.MembershipId, b.PackId, b.Charged, b.WaitlistPosition, b.Source,
        b.BookedAt, b.CancelledAt, b.CheckedInAt, b.PromotedAt);

    public static SessionEventData Of(ClassSession s) => new(
        s.Id, s.ClassTypeId, s.StartsAt, s.EndsAt, s.Capacity, s.InstructorId, s.LocationId, s.Status, s.CancelledAt);

    public static MembershipEventData Of(Membership m) => new(
        m.Id, m.CustomerId, m.PlanId, m.Allowance.Period, m.Allowance.Classes, m.ClassTypeIds, m.IsTrial, m.StartDate, m.EndDate, m.Status,
        m.Pauses.Select(p => new PauseEventData(p.From, p.Until)).ToList(), m.CreatedAt, m.CancelledAt);

    public static PackEventData Of(ClassPack p) => new(
        p.Id, p.CustomerId, p.ProductId, p.CreditsTotal, p.CreditsRemaining, p.ClassTypeIds, p.IsTrial, p.Status, p.PurchasedAt, p.ExpiresAt);

    public static WebhookSubscriptionDisabledData Of(WebhookSubscription s) => new(s.Id, s.Url, s.DisabledAt, s.DisabledReason, s.FailingSince);
}
