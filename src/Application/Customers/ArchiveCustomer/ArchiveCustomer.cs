using UnifiedCustomers.Application.Members;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.ArchiveCustomer;

/// <param name="Reason">kept in the status history; "archived by staff" when not given</param>
public sealed record ArchiveCustomerCommand(Guid OrganizationId, Guid CustomerId, string? Reason = null) : ITenantCommand<Result<CustomerResponse>>;

internal sealed class ArchiveCustomerValidator : AbstractValidator<ArchiveCustomerCommand>
{
    public ArchiveCustomerValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
        RuleFor(c => c.Reason).MaximumLength(StatusCause.MaxLength).WithMessage($"A reason is at most {StatusCause.MaxLength} characters.");
    }
}

internal sealed class ArchiveCustomerHandler(IAppDbContext db, IRowLocks locks, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<ArchiveCustomerCommand, Result<CustomerResponse>>
{
    public async ValueTask<Result<CustomerResponse>> Handle(ArchiveCustomerCommand command, CancellationToken ct)
    {
        if (!await locks.LockCustomerAsync(command.OrganizationId, command.CustomerId, ct)) return CustomerErrors.NotFound;
        var customer = await db.Customers.SingleAsync(c => c.Id == command.CustomerId, ct);
        var now = clock.GetUtcNow();
        var archived = customer.Archive(command.Reason, now);
        if (archived.IsFailure) return archived.Error!;
        await db.RevokeEveryTokenOfAsync([customer.Id], now, ct);
        return customer.Adapt<CustomerResponse>(mapping);
    }
}
