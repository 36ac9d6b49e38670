namespace UnifiedCustomers.Application.Common.Behaviors;

/// <summary>
/// Loads the organization of an <see cref="IOrganizationRequest"/> once, inside the request's unit of
/// work, and hands it to the handler (<see cref="CurrentOrganization"/>), or answers
/// organization.not_found before the handler runs.
/// </summary>
internal sealed class OrganizationBehavior<TMessage, TResponse>(IAppDbContext db, CurrentOrganization current)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IOrganizationRequest
{
    private static readonly Func<Error, TResponse> Refusal = RefusalOf();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == message.OrganizationId, cancellationToken);
        if (organization is null) return Refusal(ApplicationErrors.OrganizationNotFound);
        current.Set(organization);
        return await next(message, cancellationToken);
    }

    private static Func<Error, TResponse> RefusalOf()
    {
        var fromError = typeof(TResponse).GetMethod("op_Implicit", [typeof(Error)]);
        if (!typeof(Result).IsAssignableFrom(typeof(TResponse)) || fromError is null)
            throw new InvalidOperationException($"{typeof(TMessage).Name} names its organization but does not answer a Result.");
        return error => (TResponse)fromError.Invoke(null, [error])!;
    }
}
