using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace UnifiedCustomers.Application.Common.Behaviors;

internal sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response is Result { Error: { } error })
            Refused(typeof(TMessage).Name, error.Code, elapsed);
        else
            Handled(typeof(TMessage).Name, elapsed);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} handled in {ElapsedMs:0.0} ms")]
    private partial void Handled(string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} refused with {ErrorCode} in {ElapsedMs:0.0} ms")]
    private partial void Refused(string useCase, string errorCode, double elapsedMs);
}
