namespace UnifiedCustomers.Api.Common;

/// <summary>Sends a use case and answers its result: the endpoints' one way from request to response.</summary>
internal static class Dispatch
{
    public static async Task<IResult> SendOk<T>(this IMediator mediator, IQuery<Result<T>> query, CancellationToken ct) =>
        (await mediator.Send(query, ct)).ToOk();

    public static async Task<IResult> SendOk<T>(this IMediator mediator, ICommand<Result<T>> command, CancellationToken ct) =>
        (await mediator.Send(command, ct)).ToOk();

    public static async Task<IResult> SendCreated<T>(this IMediator mediator, ICommand<Result<T>> command, Func<T, string> location, CancellationToken ct) =>
        (await mediator.Send(command, ct)).ToCreated(location);

    /// <summary>Reads the body as a merge patch, sends the command made of it, and answers the result.</summary>
    public static async Task<IResult> SendPatch<TPatch, T>(
        this IMediator mediator, HttpRequest http, Func<MergePatchBody<TPatch>, ICommand<Result<T>>> command, CancellationToken ct) where TPatch : class
    {
        var patch = await MergePatch.ReadAsync<TPatch>(http, ct);
        return (await mediator.Send(command(patch), ct)).ToOk();
    }
}
