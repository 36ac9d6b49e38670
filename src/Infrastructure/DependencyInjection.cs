using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Infrastructure.Phones;
using UnifiedCustomers.Infrastructure.Idempotency;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Infrastructure.Persistence.Transactions;

namespace UnifiedCustomers.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string connectionString)
    {
        // The booking path runs the same dozen statements on every request: prepared once per connection, they skip parsing.
        // Nothing the API sets outlives its transaction (the organization setting is SET LOCAL), so a pooled connection
        // needs no DISCARD ALL round trip each time it is taken.
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        // A connection string that names Max Auto Prepare keeps its value: 0 turns it off behind a PgBouncer older than 1.21.
        if (!NamesMaxAutoPrepare(connectionString)) (tuned.MaxAutoPrepare, tuned.AutoPrepareMinUsages) = (64, 2);
        services.AddDbContext<AppDbContext>(options => options.UseAppDatabase(tuned.ConnectionString));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IRowLocks, RowLocks>();
        services.AddSingleton<IPhoneNormalizer, PhoneNormalizer>();
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<IdempotencyStore>();
        return services;
    }

    internal static bool NamesMaxAutoPrepare(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));

    /// <summary>The one place the provider is configured, shared by the API, the migrations tool and tests.</summary>
    public static DbContextOptionsBuilder UseAppDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(AppDbContext.MigrationsAssembly))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(Telemetry.CommittedBookingMetrics.Instance);
}
