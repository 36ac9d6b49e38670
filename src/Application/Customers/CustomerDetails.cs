using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers;

/// <summary>The person's details that registering and updating a customer both take.</summary>
public interface ICustomerDetails
{
    string? FirstName { get; }
    string? LastName { get; }
    string? Email { get; }
    string? Phone { get; }
    string? Source { get; }
}

/// <summary>
/// The shape of the details: lengths the value types define, so no text of any size reaches them.
/// Whether they make a customer (a name given, an email that is an address) is the domain's to say,
/// with its own codes (<see cref="PersonName"/>, <see cref="EmailAddress"/>, <see cref="Customer"/>).
/// </summary>
internal sealed class CustomerDetailsValidator : AbstractValidator<ICustomerDetails>
{
    public CustomerDetailsValidator()
    {
        RuleFor(c => c.FirstName).MaximumLength(PersonName.MaxLength).WithMessage($"A first name is at most {PersonName.MaxLength} characters.");
        RuleFor(c => c.LastName).MaximumLength(PersonName.MaxLength).WithMessage($"A last name is at most {PersonName.MaxLength} characters.");
        RuleFor(c => c.Email).MaximumLength(EmailAddress.MaxLength).WithMessage($"An email address is at most {EmailAddress.MaxLength} characters.");
        RuleFor(c => c.Phone).MaximumLength(PhoneNumber.MaxLength).WithMessage($"A phone number is at most {PhoneNumber.MaxLength} characters.");
        RuleFor(c => c.Source).MaximumLength(Customer.SourceMaxLength).WithMessage($"A source is at most {Customer.SourceMaxLength} characters.");
    }
}
