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

    public ApiFactory() : this(new TestDatabase(), ownsDatabase: true) { }

    /// <summary>Another API process over a database that someone else created and drops (a second replica).</summary>
    protected ApiFactory(TestDatabase database, bool ownsDatabase) => (Database, OwnsDatabase) = (database, ownsDatabase);

    public TestDatabase Database { get; }

    private bool OwnsDatabase { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The owner's connection to the API's database: the class's copy of the template, unless a factory brings its own server.</summary>
    public virtual string OwnerConnectionString => Database.ConnectionString;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Public:RequestsPerAddressPerMinute"] = "100000",
        ["RateLimits:Public:BookingsPerEmailPerHour"] = "100000",
        // The events' background workers stay off unless a test class turns them on (tests/Api.Tests/Events).
        ["Events:PublisherEnabled"] = "false",
        ["Webhooks:WorkerEnabled"] = "false",
        ["Webhooks:AllowPrivateAddresses"] = "true",
        ["Webhooks:RequireHttps"] = "false",
        // Tests drive the jobs themselves (JobSchedulerTests); a scheduler of its own would change their data under them.
        ["Jobs:Enabled"] = "false",
    };

    /// <summary>The customer-token signing key of the API under test (tests forge tokens with another one).</summary>
    public const string SigningKey = "tests-only-customer-token-signing-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", OwnerConnectionString);
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Outside Settings, so a fixture that replaces them still starts.
        builder.UseSetting("CustomerAccess:SigningKey", SigningKey);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
        });
    }

    public virtual Task InitializeAsync() => OwnsDatabase ? Database.InitializeAsync() : Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (OwnsDatabase) await DisposeDatabaseAsync();
        }
    }

    protected virtual Task DisposeDatabaseAsync() => Database.DisposeAsync();

    /// <summary>The owner's context on the API's database, for arranging and checking rows.</summary>
    public Infrastructure.Persistence.AppDbContext OwnerDbContext() => Infrastructure.Persistence.AppDbContext.Create(OwnerConnectionString);

    /// <summary>A new studio with a class type, and a client holding one of its API keys.</summary>
    public async Task<TestStudio> StudioAsync(string timeZone = "Europe/London")
    {
        var id = Guid.NewGuid();
        var slug = "studio-" + id.ToString("N")[..12];
        await using var db = OwnerDbContext();
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
