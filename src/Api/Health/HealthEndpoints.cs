using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Health;

internal static class HealthEndpoints
{
    public sealed record HealthResponse(string Status, string? Reason = null, IReadOnlyList<string>? PendingMigrations = null);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();

        health.MapGet("/live", () => TypedResults.Ok(new HealthResponse("live")))
            .WithSummary("The process is up.");

        health.MapGet("/ready", async (AppDbContext db, CancellationToken ct) =>
            {
                try
                {
                    if (!await db.Database.CanConnectAsync(ct))
                        return Results.Json(new HealthResponse("unavailable", "The database cannot be reached."), statusCode: 503);
                    var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                    return pending.Count > 0
                        ? Results.Json(new HealthResponse("unavailable", "The database schema has pending migrations.", pending), statusCode: 503)
                        : Results.Ok(new HealthResponse("ready"));
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    return Results.Json(new HealthResponse("unavailable", $"The database cannot be reached: {ex.Message}"), statusCode: 503);
                }
            })
            .WithSummary("The database is reachable and its schema is current.")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(503);

        return app;
    }
}
