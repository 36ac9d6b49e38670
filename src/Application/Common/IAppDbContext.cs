using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Common;

/// <summary>The persistence port: handlers query and add through it; the unit-of-work behavior saves.</summary>
public interface IAppDbContext
{
    DbSet<Organization> Organizations { get; }
    DbSet<Customer> Customers { get; }
    DbSet<CustomerStatusChange> CustomerStatusChanges { get; }
    DbSet<CustomerNote> CustomerNotes { get; }
    DbSet<CustomerAccessToken> CustomerAccessTokens { get; }
    DbSet<ClassType> ClassTypes { get; }
    DbSet<ClassSession> ClassSessions { get; }
    DbSet<Instructor> Instructors { get; }
    DbSet<Location> Locations { get; }
    DbSet<MembershipPlan> MembershipPlans { get; }
    DbSet<Membership> Memberships { get; }
    DbSet<PackProduct> PackProducts { get; }
    DbSet<ClassPack> ClassPacks { get; }
    DbSet<Booking> Bookings { get; }
    DbSet<CreditLedgerEntry> CreditLedger { get; }
    DbSet<StandingBooking> StandingBookings { get; }
    DbSet<LegacyIdMapping> LegacyIdMap { get; }
    DbSet<Events.StoredEvent> Events { get; }
    DbSet<WebhookSubscription> WebhookSubscriptions { get; }
    DbSet<WebhookDelivery> WebhookDeliveries { get; }
    DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts { get; }

    /// <summary>An untracked query shaped by a specification (criteria, ordering, paging).</summary>
    IQueryable<T> Query<T>(Specification<T> specification) where T : class;
}
