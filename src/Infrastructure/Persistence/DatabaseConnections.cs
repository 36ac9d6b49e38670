using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace UnifiedCustomers.Infrastructure.Persistence;

/// <summary>
/// The API connects as the application role, never as the owner of the tables: ConnectionStrings:App
/// when set, else ConnectionStrings:Default with its Username replaced by <see cref="DatabaseRoles.App"/>.
/// </summary>
public static class DatabaseConnections
{
    /// <summary>The size of the API's one connection pool (default <see cref="DependencyInjection.DefaultMaxPoolSize"/>).</summary>
    public const string MaxPoolSizeSetting = "Database:MaxPoolSize";

    public static string AppConnectionString(IConfiguration configuration)
    {
        var app = configuration.GetConnectionString("App");
        if (!string.IsNullOrWhiteSpace(app)) return app;
        var owner = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set (run ./run.sh, or set ConnectionStrings__Default).");
        return new NpgsqlConnectionStringBuilder(owner) { Username = DatabaseRoles.App }.ConnectionString;
    }

    /// <summary>The pool size setting (checked before the host starts), else the default.</summary>
    public static int MaxPoolSize(IConfiguration configuration) =>
        configuration[MaxPoolSizeSetting] is { } size ? int.Parse(size, CultureInfo.InvariantCulture) : DependencyInjection.DefaultMaxPoolSize;

    /// <returns>why the text is not a connection string, or null when it is one</returns>
    public static string? Invalid(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
