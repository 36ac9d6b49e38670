using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.PatchCustomer;

/// <summary>
/// Changes some of a person's details (JSON Merge Patch): a field left out stays as it is, null
/// clears it where that is allowed (email, phone, notes, and one of the two names as long as the
/// other remains). The lifecycle status is not theirs to set (it follows purchases).
/// </summary>
public sealed record PatchCustomerCommand(
    Guid OrganizationId,
    Guid CustomerId,
    Optional<string?> FirstName,
    Optional<string?> LastName,
    Optional<string?> Email,
    Optional<string?> Phone,
    Optional<string?> Source,
    [property: FreeText] Optional<string?> Notes) : ITenantCommand<Result<CustomerResponse>>, IOrganizationRequest;

internal sealed class PatchCustomerValidator : AbstractValidator<PatchCustomerCommand>
{
    public PatchCustomerValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
        RuleFor(c => c.FirstName.Value).MaximumLength(PersonName.MaxLength).OverridePropertyName("firstName")
            .WithMessage($"A first name is at most {PersonName.MaxLength} characters.");
        RuleFor(c => c.LastName.Value).MaximumLength(PersonName.MaxLength).OverridePropertyName("lastName")
            .WithMessage($"A last name is at most {PersonName.MaxLength} characters.");
        RuleFor(c => c.Email.Value).MaximumLength(EmailAddress.MaxLength).OverridePropertyName("email")
            .WithMessage($"An email address is at most {EmailAddress.MaxLength} characters.");
        RuleFor(c => c.Phone.Value).MaximumLength(PhoneNumber.MaxLength).OverridePropertyName("phone")
            .WithMessage($"A phone number is at most {PhoneNumber.MaxLength} characters.");
        RuleFor(c => c.Source.Value).NotEmpty().MaximumLength(Customer.SourceMaxLength).When(c => c.Source.IsSet).OverridePropertyName("source")
            .WithMessage($"A source is at most {Customer.SourceMaxLength} characters and cannot be cleared.");
        RuleFor(c => c.Notes.Value).MaximumLength(Customer.NotesMaxLength).OverridePropertyName("notes")
            .WithMessage($"Notes are at most {Customer.NotesMaxLength} characters.");
    }
}

internal sealed class PatchCustomerHandler(CurrentOrganization current, IAppDbContext db, IRowLocks locks, IPhoneNormalizer phones, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<PatchCustomerCommand, Result<CustomerResponse>>
{
    public async ValueTask<Result<CustomerResponse>> Handle(PatchCustomerCommand command, CancellationToken ct)
    {
        var organization = current.Organization;
        if (!await locks.LockCustomerAsync(organization.Id, command.CustomerId, ct)) return CustomerErrors.NotFound;
        var customer = await db.Customers.SingleAsync(c => c.Id == command.CustomerId, ct);

        var phone = command.Phone.IsSet ? phones.Normalize(command.Phone.Value, organization.Country) : customer.Phone;
        // UpdateDetails keeps the notes on null and clears them on an empty text.
        var notes = command.Notes.IsSet ? command.Notes.Value ?? "" : null;
        var updated = customer.UpdateDetails(
            command.FirstName.Or(customer.FirstName), command.LastName.Or(customer.LastName), command.Email.Or(customer.Email), phone,
            command.Source.Or(customer.Source), notes, clock.GetUtcNow());
        if (updated.IsFailure) return updated.Error!;
        // An email left as it was is still the customer's own.
        var emailFree = command.Email.IsSet ? await db.Customers.EnsureEmailFreeAsync(customer, ct) : Result.Success();
        return emailFree.Map(() => customer.Adapt<CustomerResponse>(mapping));
    }
}
