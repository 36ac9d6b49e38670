using UnifiedCustomers.Domain.Common;

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
}
