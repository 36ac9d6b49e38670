using Microsoft.EntityFrameworkCore.Infrastructure;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Events;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Webhooks;
using UnifiedCustomers.Infrastructure.Events;
using UnifiedCustomers.Infrastructure.Persistence.Conventions;
using UnifiedCustomers.Infrastructure.Persistence.Tenancy;

namespace UnifiedCustomers.Infrastructure.Persistence;

public sealed class AppDbContext : DbContext, IAppDbContext
{
    public const string MigrationsAssembly = "UnifiedCustomers.Migrations";

    /// <summary>The API's context: every tenant-owned entity is filtered to the organization the unit of work scopes it to.</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options) : this(options, tenantFiltered: true)
    {
    }

    private AppDbContext(DbContextOptions<AppDbContext> options, bool tenantFiltered) : base(options) => IsTenantFiltered = tenantFiltered;

    /// <summary>
    /// A context outside dependency injection: the migrations tool, the consolidation, the seed and test
    /// fixtures. It works on the whole database as the owner, so it has no tenant filter.
    /// </summary>
    public static AppDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseAppDatabase(connectionString);
        return new AppDbContext(options.Options, tenantFiltered: false);
    }

    /// <summary>False for the tools' context (<see cref="Create"/>); its model is built without the filter (see <see cref="Tenancy.TenantModelCacheKeyFactory"/>).</summary>
    internal bool IsTenantFiltered { get; }

    private Guid? _organizationId;

    /// <summary>
    /// The organization the tenant filter compares with, read by EF on every query of a tenant-owned
    /// entity. Set by the unit of work with row-level security's setting; a query outside it is a bug.
    /// </summary>
    internal Guid OrganizationInScope => _organizationId ?? throw new TenantScopeMissingException();

    /// <summary>Called by the unit of work where it sets app.organization_id.</summary>
    /// <returns>ends the scope, restoring the one it was opened in (a unit of work inside another's transaction)</returns>
    internal OrganizationScope ScopeTo(Guid organizationId)
    {
        var scope = new OrganizationScope(this, _organizationId);
        _organizationId = organizationId;
        return scope;
    }

    internal readonly struct OrganizationScope(AppDbContext db, Guid? previous) : IDisposable
    {
        public void Dispose() => db._organizationId = previous;
    }

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerStatusChange> CustomerStatusChanges => Set<CustomerStatusChange>();
    public DbSet<CustomerNote> CustomerNotes => Set<CustomerNote>();
    public DbSet<CustomerAccessToken> CustomerAccessTokens => Set<CustomerAccessToken>();
    public DbSet<ClassType> ClassTypes => Set<ClassType>();
    public DbSet<ClassSession> ClassSessions => Set<ClassSession>();
    public DbSet<Instructor> Instructors => Set<Instructor>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<MembershipPlan> MembershipPlans => Set<MembershipPlan>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<PackProduct> PackProducts => Set<PackProduct>();
    public DbSet<ClassPack> ClassPacks => Set<ClassPack>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<CreditLedgerEntry> CreditLedger => Set<CreditLedgerEntry>();
    public DbSet<StandingBooking> StandingBookings => Set<StandingBooking>();
    public DbSet<LegacyIdMapping> LegacyIdMap => Set<LegacyIdMapping>();
    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts => Set<WebhookDeliveryAttempt>();

    /// <summary>The application's clock stamps the events (the system clock outside dependency injection).</summary>
    private TimeProvider Clock => _clock ??=
        this.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>()
            .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(TimeProvider)) as TimeProvider
        ?? TimeProvider.System;

    private TimeProvider? _clock;

    /// <summary>Set when a save wrote events; the commit interceptor wakes the publisher and clears it.</summary>
    internal bool WroteEvents { get; set; }

    /// <summary>Statements (scope, row locks) that ride in front of this context's next query.</summary>
    internal Transactions.StatementPrefix Prefix { get; } = new();

    public IQueryable<T> Query<T>(Specification<T> specification) where T : class => Set<T>().AsNoTracking().Apply(specification);

    /// <summary>
    /// The outbox: the domain events of every tracked entity become rows of `events`, added to this
    /// same save, so they ride in its batch (one more INSERT, no extra round trip) and commit or roll
    /// back with the change.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Outbox.Collect(this, Clock.GetUtcNow());
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Outbox.Collect(this, Clock.GetUtcNow());
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (IsTenantFiltered) TenantFilter.Apply(modelBuilder, this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        foreach (var type in typeof(Organization).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic))
        {
            configurationBuilder.Properties(type).HaveConversion(typeof(SnakeCaseEnumConverter<>).MakeGenericType(type));
        }
    }
}
