namespace UnifiedCustomers.Api.Health;

internal static class HealthEndpoints
{
    public sealed record HealthResponse(string Status, string? Reason = null, IReadOnlyList<string>? PendingMigrations = null);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();

        health.MapGet("/live", () => TypedResults.Ok(new HealthResponse("live")))
            .WithSummary("The process is up.");

        health.MapGet("/ready", async (ISchemaStatus schema, CancellationToken ct) =>
                await schema.CheckAsync(ct) switch
                {
                    SchemaState.Unreachable(var reason) => Results.Json(new HealthResponse("unavailable", reason), statusCode: 503),
                    // The migration this build requires is not in the history (the migration Job has not run yet).
                    SchemaState.Behind(var missing) =>
                        Results.Json(new HealthResponse("unavailable", "The database schema has pending migrations.", missing), statusCode: 503),
                    _ => Results.Ok(new HealthResponse("ready")),
                })
            .WithSummary("The database is reachable, accepts writes, and its schema is current.")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(503);

        return app;
    }
}
