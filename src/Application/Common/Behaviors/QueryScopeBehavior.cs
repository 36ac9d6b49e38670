namespace UnifiedCustomers.Application.Common.Behaviors;

/// <summary>Queries read in a read-only transaction scoped to their organization; they never write.</summary>
internal sealed class QueryScopeBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IQuery<TResponse>, ITenantRequest
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        new(unitOfWork.ReadAsync(message.OrganizationId, async ct => await next(message, ct), cancellationToken));
}
