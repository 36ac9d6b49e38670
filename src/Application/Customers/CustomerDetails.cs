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

internal sealed class CustomerDetailsValidator : AbstractValidator<ICustomerDetails>
{
    public CustomerDetailsValidator()
    {
        RuleFor(c => c.FirstName)
            .Must((details, first) => !string.IsNullOrWhiteSpace(first) || !string.IsNullOrWhiteSpace(details.LastName))
            .WithMessage("Give a first or a last name.");
        RuleFor(c => c.FirstName).MaximumLength(Customer.NameMaxLength).WithMessage($"A first name is at most {Customer.NameMaxLength} characters.");
        RuleFor(c => c.LastName).MaximumLength(Customer.NameMaxLength).WithMessage($"A last name is at most {Customer.NameMaxLength} characters.");
        RuleFor(c => c.Email)
            .Must(email => EmailAddress.Normalize(email) is not { } normalized || EmailAddress.IsValid(normalized))
            .WithMessage("The email address is not valid.");
        RuleFor(c => c.Phone).MaximumLength(Customer.PhoneMaxLength).WithMessage($"A phone number is at most {Customer.PhoneMaxLength} characters.");
        RuleFor(c => c.Source).MaximumLength(Customer.SourceMaxLength).WithMessage($"A source is at most {Customer.SourceMaxLength} characters.");
    }
}
