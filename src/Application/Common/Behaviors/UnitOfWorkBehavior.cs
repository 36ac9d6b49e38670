namespace UnifiedCustomers.Application.Common.Behaviors;

/// <summary>
/// One transaction per command: the handler changes tracked entities, this commits them, or rolls
/// everything back when the handler returns a failed result. Handlers never call SaveChanges.
/// </summary>
internal sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>, ITenantRequest
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        new(unitOfWork.RunAsync(
            message.OrganizationId,
            async ct => await next(message, ct),
            response => response is not Result { IsFailure: true },
            cancellationToken));
}
