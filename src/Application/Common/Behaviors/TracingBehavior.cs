using System.Diagnostics;
using UnifiedCustomers.Application.Common.Telemetry;

namespace UnifiedCustomers.Application.Common.Behaviors;

/// <summary>
/// One span per use case, around everything the pipeline does for it (validation, transaction,
/// handler, SQL), tagged with its outcome: <c>ok</c> or the error code it was refused with.
/// Refusals are counted here; they are expected outcomes, so the span's status stays unset.
/// </summary>
internal sealed class TracingBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string UseCase = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = AppTelemetry.Source.StartActivity(UseCase);
        activity?.SetTag(AppTelemetry.Tags.UseCase, UseCase);
        try
        {
            var response = await next(message, cancellationToken);
            var outcome = response is Result { Error: { } error } ? error.Code : AppTelemetry.Ok;
            activity?.SetTag(AppTelemetry.Tags.Outcome, outcome);
            if (outcome != AppTelemetry.Ok) Refused(outcome);
            return response;
        }
        catch (ValidationException)
        {
            // A malformed request (400 with every field's problem).
            activity?.SetTag(AppTelemetry.Tags.Outcome, ApplicationErrors.ValidationFailed.Code);
            Refused(ApplicationErrors.ValidationFailed.Code);
            throw;
        }
        catch (UniqueConflictException ex)
        {
            activity?.SetTag(AppTelemetry.Tags.Outcome, ex.Error.Code);
            Refused(ex.Error.Code);
            throw;
        }
        catch (Exception ex)
        {
            activity?.SetTag(AppTelemetry.Tags.Outcome, AppTelemetry.Failed);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private static void Refused(string code) =>
        AppTelemetry.Refusals.Add(1,
            new KeyValuePair<string, object?>(AppTelemetry.Tags.UseCase, UseCase),
            new KeyValuePair<string, object?>(AppTelemetry.Tags.ErrorCode, code));
}
