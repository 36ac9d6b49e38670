using UnifiedCustomers.Application.Members;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.EraseCustomer;

/// <summary>
/// A privacy request to erase: name, email, phone and notes go for good (also on duplicates merged
/// into this customer), staff notes about the person are deleted, access tokens are revoked; the
/// bookings, purchases and credit ledger stay for the studio's accounts (docs/adr/0021).
/// </summary>
public sealed record EraseCustomerCommand(Guid OrganizationId, Guid CustomerId) : ITenantCommand<Result<CustomerResponse>>;

internal sealed class EraseCustomerValidator : AbstractValidator<EraseCustomerCommand>
{
    public EraseCustomerValidator() => RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
}

internal sealed class EraseCustomerHandler(IAppDbContext db, IRowLocks locks, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<EraseCustomerCommand, Result<CustomerResponse>>
{
    public async ValueTask<Result<CustomerResponse>> Handle(EraseCustomerCommand command, CancellationToken ct)
    {
        // The customer's lock, like every writer of a customer: a booking or sale in flight finishes first.
        locks.LockCustomersWithNextQuery(command.OrganizationId, [command.CustomerId]);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == command.CustomerId, ct);
        if (customer is null) return CustomerErrors.NotFound;
        // Every duplicate merged into them, through a chain of merges too (C into A, then A into B).
        var duplicates = new List<Customer>();
        List<Guid> mergedInto = [customer.Id];
        while (mergedInto.Count > 0)
        {
            var next = await db.Customers.Where(c => c.MergedIntoId != null && mergedInto.Contains(c.MergedIntoId.Value)).ToListAsync(ct);
            // A cycle would be a bug; it ends the walk rather than loop.
            next.RemoveAll(d => d.Id == customer.Id || duplicates.Contains(d));
            duplicates.AddRange(next);
            mergedInto = next.Select(d => d.Id).ToList();
        }
        var now = clock.GetUtcNow();

        var erased = customer.Erase(duplicates, now);
        if (erased.IsFailure) return erased.Error!;

        var people = duplicates.Select(d => d.Id).Append(customer.Id).ToList();
        db.CustomerNotes.RemoveRange(await db.CustomerNotes
            .Where(n => people.Contains(n.CustomerId)).ToListAsync(ct));
        await db.RevokeEveryTokenOfAsync(people, now, ct);

        return customer.Adapt<CustomerResponse>(mapping);
    }
}
