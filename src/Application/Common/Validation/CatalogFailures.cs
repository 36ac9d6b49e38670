using FluentValidation.Results;

namespace UnifiedCustomers.Application.Common.Validation;

/// <summary>
/// A validator that refuses with a catalog error says so with the <see cref="Error"/> itself, not
/// its code's text: the failure carries it as its state, and the HTTP edge answers with that error
/// when every failure of the request carries the same one.
/// </summary>
public static class CatalogFailures
{
    /// <summary>The rule fails with <paramref name="error"/>'s code and message.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithError<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Error error) =>
        rule.WithErrorCode(error.Code).WithMessage(error.Message).WithState(_ => error);

    public static ValidationFailure Of(string field, Error error) =>
        new(field, error.Message) { ErrorCode = error.Code, CustomState = error };

    /// <summary>The catalog error a failure was raised with, if any.</summary>
    public static Error? ErrorOf(ValidationFailure failure) => failure.CustomState as Error;
}
