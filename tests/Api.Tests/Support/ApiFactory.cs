using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Infrastructure.Access;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Support;

/// <summary>
/// The real API over a database of its own (migrated unless told otherwise), connecting as the
/// application role like production, with a clock the tests move.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Public:RequestsPerAddressPerMinute"] = "100000",
        ["RateLimits:Public:BookingsPerEmailPerHour"] = "100000",
        // Tests drive the jobs themselves (JobSchedulerTests); a scheduler of its own would change their data under them.
        ["Jobs:Enabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
        });
    }

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A new studio with a class type, and a client holding one of its API keys.</summary>
    public async Task<TestStudio> StudioAsync(string timeZone = "Europe/London")
    {
        var id = Guid.NewGuid();
        var slug = "studio-" + id.ToString("N")[..12];
        await using var db = Database.CreateDbContext();
        db.Organizations.Add(Organization.Create(id, "Studio " + slug, slug, timeZone, "GB", Clock.GetUtcNow()).Value);
        await db.SaveChangesAsync();
        var key = await ApiKeyStore.IssueAsync(db, slug, "tests", Clock.GetUtcNow());
        return new TestStudio(this, id, slug, key!, ClientWithKey(key!));
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>TestServer has no client address; tests name one with a header to exercise per-address limits.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The API over an empty database that no migration has touched (so the application role may not exist yet: connect as the owner).</summary>
public sealed class UnmigratedApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["ConnectionStrings:App"] = Database.ConnectionString,
    };

    public override Task InitializeAsync() => TestDatabase.CreateAsync(Database.Name, migrated: false);
}
