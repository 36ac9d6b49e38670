using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests;

/// <summary>The real API over a database of its own (migrated unless told otherwise).</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>The API over an empty database that no migration has touched.</summary>
public sealed class UnmigratedApiFactory : ApiFactory
{
    public override Task InitializeAsync() => TestDatabase.CreateAsync(Database.Name, migrated: false);
}
