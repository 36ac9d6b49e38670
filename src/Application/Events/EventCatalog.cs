using System.Text.Json;
using System.Text.Json.Serialization;
using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Events;

/// <summary>One published event type: its name on the wire, what it means, and the shape of its data.</summary>
public sealed record EventType(string Name, string Description, Type DataType);

/// <summary>
/// The published event types (version 1; docs/events.md) and how each domain event becomes one.
/// A type is never renamed and its data only gains fields; a breaking change gets a new type name.
/// </summary>
public static class EventCatalog
{
    public const int Version = 1;

    public static readonly IReadOnlyList<EventType> Types =
    [
        Of("customer.created", "A person was registered (as a lead).", typeof(CustomerResponse)),
        Of("customer.updated", "A customer's details (name, email, phone, source, notes) were replaced, or erased on the person's request.", typeof(CustomerResponse)),
        Of("customer.lifecycle_changed", "The lifecycle status changed: from, to and the cause (a sale, the daily run, archive, restore, merge, erasure).", typeof(CustomerLifecycleChangedData)),
        Of("customer.merged", "A duplicate was merged into this customer; its bookings, memberships, packs and notes now belong here.", typeof(CustomerMergedData)),
        Of("customer.archived", "A customer was archived by staff.", typeof(CustomerResponse)),
        Of("customer.restored", "An archived customer was brought back.", typeof(CustomerResponse)),
        Of("booking.confirmed", "A booking took a seat.", typeof(BookingEventData)),
        Of("booking.waitlisted", "A booking joined the waitlist.", typeof(BookingEventData)),
        Of("booking.promoted", "A waitlisted booking moved up to a seat.", typeof(BookingEventData)),
        Of("booking.cancelled", "A booking was cancelled in time (by the customer or staff, with its class, or as a merge duplicate).", typeof(BookingEventData)),
        Of("booking.late_cancelled", "A booking was cancelled inside the late-cancel window.", typeof(BookingEventData)),
        Of("booking.checked_in", "The customer was checked in.", typeof(BookingEventData)),
        Of("booking.check_in_undone", "A check-in was undone.", typeof(BookingEventData)),
        Of("booking.no_show", "The customer did not come.", typeof(BookingEventData)),
        Of("session.scheduled", "A class session was scheduled.", typeof(SessionEventData)),
        Of("session.cancelled", "A class session was cancelled (each of its bookings gets booking.cancelled).", typeof(SessionEventData)),
        Of("session.rescheduled", "A class session moved to other times; its bookings stay, and so does what each booking spent.", typeof(SessionRescheduledData)),
        Of("session.updated", "A class session's seats, instructor or location changed (one event per request, however many of them changed).", typeof(SessionEventData)),
        Of("membership.sold", "A membership was sold.", typeof(MembershipEventData)),
        Of("membership.paused", "A membership was paused.", typeof(MembershipEventData)),
        Of("membership.resumed", "A paused membership was resumed.", typeof(MembershipEventData)),
        Of("membership.cancelled", "A membership was cancelled.", typeof(MembershipEventData)),
        Of("membership.expired", "A membership reached its end date (noticed by the daily run).", typeof(MembershipEventData)),
        Of("pack.sold", "A class pack was sold.", typeof(PackEventData)),
        Of("pack.exhausted", "A pack's last credit was spent.", typeof(PackEventData)),
        Of("pack.replenished", "A credit came back to a pack that had none left (a timely cancellation, a cancelled class): it pays again.", typeof(PackEventData)),
        Of("pack.expired", "A pack expired with credits left (noticed by the daily run).", typeof(PackEventData)),
        Of("webhook_subscription.disabled", "A webhook subscription was disabled after failing for the documented time.", typeof(WebhookSubscriptionDisabledData)),
    ];

    private static EventType Of(string name, string description, Type dataType) => new(name, description, dataType);

    private static readonly HashSet<string> Names = Types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>The JSON the API writes: camelCase names, snake_case enum strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The published type and data of a domain event, from the aggregate's state as it is saved.</summary>
    public static (string Type, object Data) Describe(IDomainEvent domainEvent) => domainEvent switch
    {
        CustomerRegistered e => ("customer.created", EventPayloads.Of(e.Customer)),
        CustomerDetailsChanged e => ("customer.updated", EventPayloads.Of(e.Customer)),
        CustomerLifecycleChanged e => ("customer.lifecycle_changed", new CustomerLifecycleChangedData(EventPayloads.Of(e.Customer), e.From, e.To, e.Cause)),
        CustomersMerged e => ("customer.merged", new CustomerMergedData(EventPayloads.Of(e.Survivor), e.MergedId)),
        CustomerArchived e => ("customer.archived", EventPayloads.Of(e.Customer)),
        CustomerRestored e => ("customer.restored", EventPayloads.Of(e.Customer)),
        BookingConfirmed e => ("booking.confirmed", EventPayloads.Of(e.Booking)),
        BookingWaitlisted e => ("booking.waitlisted", EventPayloads.Of(e.Booking)),
        BookingPromoted e => ("booking.promoted", EventPayloads.Of(e.Booking)),
        BookingCancelled { Late: true } e => ("booking.late_cancelled", EventPayloads.Of(e.Booking)),
        BookingCancelled e => ("booking.cancelled", EventPayloads.Of(e.Booking)),
        BookingCheckedIn e => ("booking.checked_in", EventPayloads.Of(e.Booking)),
        BookingCheckInUndone e => ("booking.check_in_undone", EventPayloads.Of(e.Booking)),
        BookingMarkedNoShow e => ("booking.no_show", EventPayloads.Of(e.Booking)),
        SessionScheduled e => ("session.scheduled", EventPayloads.Of(e.Session)),
        SessionCancelled e => ("session.cancelled", EventPayloads.Of(e.Session)),
        SessionUpdated e => ("session.updated", EventPayloads.Of(e.Session)),
        SessionRescheduled e => ("session.rescheduled", new SessionRescheduledData(EventPayloads.Of(e.Session), e.PreviousStartsAt, e.PreviousEndsAt, e.SeatsTaken)),
        MembershipSold e => ("membership.sold", EventPayloads.Of(e.Membership)),
        MembershipPaused e => ("membership.paused", EventPayloads.Of(e.Membership)),
        MembershipResumed e => ("membership.resumed", EventPayloads.Of(e.Membership)),
        MembershipCancelled e => ("membership.cancelled", EventPayloads.Of(e.Membership)),
        MembershipExpired e => ("membership.expired", EventPayloads.Of(e.Membership)),
        PackSold e => ("pack.sold", EventPayloads.Of(e.Pack)),
        PackExhausted e => ("pack.exhausted", EventPayloads.Of(e.Pack)),
        PackReplenished e => ("pack.replenished", EventPayloads.Of(e.Pack)),
        PackExpired e => ("pack.expired", EventPayloads.Of(e.Pack)),
        WebhookSubscriptionDisabled e => ("webhook_subscription.disabled", EventPayloads.Of(e.Subscription)),
        _ => throw new InvalidOperationException($"{domainEvent.GetType().Name} has no published event type: add it to EventCatalog and docs/events.md."),
    };
}
