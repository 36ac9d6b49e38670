using FluentValidation;
using UnifiedCustomers.Api.Errors;
using UnifiedCustomers.Application.Common.Validation;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Api.Tests.Errors;

/// <summary>A validator hands the edge the catalog's Error itself; the edge never guesses from the code's text.</summary>
public sealed class CatalogFailureTests
{
    private sealed record Sample(string? Email, string? Name);

    [Fact]
    public void WithError_CarriesTheCatalogErrorsCodeMessageAndTheErrorItself()
    {
        var validator = new InlineValidator<Sample>();
        validator.RuleFor(s => s.Email).NotEmpty().WithError(CustomerErrors.EmailInvalid);

        var failure = validator.Validate(new Sample(null, "x")).Errors.Should().ContainSingle().Subject;

        failure.ErrorCode.Should().Be("customer.email_invalid");
        failure.ErrorMessage.Should().Be(CustomerErrors.EmailInvalid.Message);
        CatalogFailures.ErrorOf(failure).Should().Be(CustomerErrors.EmailInvalid);
    }

    [Fact]
    public void Uniform_WhenEveryFailureCarriesOneCatalogError_IsThatError_ElseValidationFailed()
    {
        var text = new[] { CatalogFailures.Of("firstName", InputErrors.InvalidCharacters("firstName")), CatalogFailures.Of("notes", InputErrors.InvalidCharacters("notes", multiline: true)) };
        var mixed = new[] { CatalogFailures.Of("firstName", InputErrors.InvalidCharacters("firstName")), CatalogFailures.Of("from", InputErrors.DateOutOfRange("from")) };
        // FluentValidation's own codes name the validator; a code that merely looks like ours does not count either.
        var plain = new[] { new FluentValidation.Results.ValidationFailure("email", "Required.") { ErrorCode = "NotEmptyValidator" } };
        var lookalike = new[] { new FluentValidation.Results.ValidationFailure("email", "Bad.") { ErrorCode = "customer.email_invalid" } };

        ApiExceptionHandler.Uniform(text).Should().Match<Error>(e => e.Code == "text.invalid_characters" && e.Kind == ErrorKind.Validation && e.Field == "");
        ApiExceptionHandler.Uniform(mixed).Code.Should().Be("validation.failed");
        ApiExceptionHandler.Uniform(plain).Code.Should().Be("validation.failed");
        ApiExceptionHandler.Uniform(lookalike).Code.Should().Be("validation.failed");
    }
}
