using Npgsql;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Access;

/// <summary>
/// The API connects as the application role, never as the owner of the tables: ConnectionStrings:App
/// when set, else ConnectionStrings:Default with its Username replaced by <see cref="DatabaseRoles.App"/>.
/// </summary>
internal static class DatabaseConnections
{
    /// <summary>The size of the API's one connection pool (default <see cref="Infrastructure.DependencyInjection.DefaultMaxPoolSize"/>).</summary>
    public const string MaxPoolSizeSetting = "Database:MaxPoolSize";

    public static string AppConnectionString(IConfiguration configuration)
    {
        var app = configuration.GetConnectionString("App");
        if (!string.IsNullOrWhiteSpace(app)) return app;
        var owner = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set (run ./run.sh, or set ConnectionStrings__Default).");
        return new NpgsqlConnectionStringBuilder(owner) { Username = DatabaseRoles.App }.ConnectionString;
    }
}
