namespace UnifiedCustomers.Application.Common.Behaviors;

/// <summary>
/// Malformed requests stop here with every field's problem; the edge answers 400. Values out of
/// bounds (control characters, dates outside the range) are reported alone: the use case's own
/// rules about such values would only add noise.
/// </summary>
internal sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators.OrderBy(v => v is BoundedInputValidator<TMessage> ? 0 : 1))
        {
            if (failures.Count > 0 && validator is not BoundedInputValidator<TMessage>) break;
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next(message, cancellationToken);
    }
}
