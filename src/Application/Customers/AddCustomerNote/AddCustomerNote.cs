using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.AddCustomerNote;

/// <param name="AuthorId">the staff member who wrote it, when known</param>
public sealed record AddCustomerNoteCommand(Guid OrganizationId, Guid CustomerId, [property: FreeText] string Content, Guid? AuthorId = null)
    : ITenantCommand<Result<CustomerNoteResponse>>;

internal sealed class AddCustomerNoteValidator : AbstractValidator<AddCustomerNoteCommand>
{
    public AddCustomerNoteValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
        RuleFor(c => c.Content).NotEmpty().WithMessage("A note needs some text.")
            .Must(content => content.Trim().Length > 0).WithMessage("A note needs some text.")
            .MaximumLength(CustomerNote.ContentMaxLength).WithMessage($"A note is at most {CustomerNote.ContentMaxLength} characters.");
    }
}

internal sealed class AddCustomerNoteHandler(IAppDbContext db, IRowLocks locks, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<AddCustomerNoteCommand, Result<CustomerNoteResponse>>
{
    public async ValueTask<Result<CustomerNoteResponse>> Handle(AddCustomerNoteCommand command, CancellationToken ct)
    {
        // The customer's lock, as an erasure takes it: a note never lands on a record erased meanwhile.
        locks.LockCustomersWithNextQuery(command.OrganizationId, [command.CustomerId]);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == command.CustomerId, ct);
        if (customer is null) return CustomerErrors.NotFound;
        return CustomerNote.Write(customer, command.Content, command.AuthorId, clock.GetUtcNow())
            .Tap(note => db.CustomerNotes.Add(note))
            .Map(note => note.Adapt<CustomerNoteResponse>(mapping));
    }
}
