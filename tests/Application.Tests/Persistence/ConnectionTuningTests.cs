using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UnifiedCustomers.Infrastructure;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Application.Tests.Persistence;

public sealed class ConnectionTuningTests
{
    [Theory]
    [InlineData("Host=db;Database=uc;Username=uc_app", 64)]
    [InlineData("Host=db;Database=uc;Username=uc_app;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=uc;Username=uc_app;maxautoprepare=0", 0)]
    [InlineData("Host=db;Database=uc;Username=uc_app;Max Auto Prepare=10", 10)]
    public void AutoPrepare_IsOnUnlessTheConnectionStringNamesIt(string connectionString, int expected)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfrastructure(connectionString);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var used = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString());

        used.MaxAutoPrepare.Should().Be(expected, "behind a PgBouncer older than 1.21 auto-prepare must be possible to turn off");
    }
}
