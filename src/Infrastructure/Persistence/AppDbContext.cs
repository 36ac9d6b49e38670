using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Infrastructure.Persistence.Conventions;

namespace UnifiedCustomers.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IAppDbContext
{
    public const string MigrationsAssembly = "UnifiedCustomers.Migrations";

    /// <summary>A context outside dependency injection: the migrations tool, the consolidation and test fixtures.</summary>
    public static AppDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseAppDatabase(connectionString);
        return new AppDbContext(options.Options);
    }

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerStatusChange> CustomerStatusChanges => Set<CustomerStatusChange>();
    public DbSet<CustomerNote> CustomerNotes => Set<CustomerNote>();
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

    public IQueryable<T> Query<T>(Specification<T> specification) where T : class => Set<T>().AsNoTracking().Apply(specification);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        foreach (var type in typeof(Organization).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic))
        {
            configurationBuilder.Properties(type).HaveConversion(typeof(SnakeCaseEnumConverter<>).MakeGenericType(type));
        }
    }
}
