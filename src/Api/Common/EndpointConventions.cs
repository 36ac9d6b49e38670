namespace UnifiedCustomers.Api.Common;

internal static class EndpointConventions
{
    /// <summary>Documents the problems an endpoint answers: always 400 and 401, plus the given statuses.</summary>
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in new[] { StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized }.Concat(statuses).Distinct())
            builder.ProducesProblem(status);
        return builder;
    }

    /// <summary>A creating POST: the Idempotency-Key header replays its first answer.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentAttribute()).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Names an operation (its OpenAPI id), says what it does, and documents its 200 answer and its problems.</summary>
    public static RouteHandlerBuilder Answers<TResponse>(this RouteHandlerBuilder builder, string name, string summary, params int[] problems) =>
        builder.WithName(name).WithSummary(summary).Produces<TResponse>().Problems(problems);

    /// <summary>An idempotent creating POST: named, summarised, 201 with the created resource, and its problems.</summary>
    public static RouteHandlerBuilder Creates<TResponse>(this RouteHandlerBuilder builder, string name, string summary, params int[] problems) =>
        builder.WithName(name).WithSummary(summary).Produces<TResponse>(StatusCodes.Status201Created).Problems(problems).Idempotent();
}
