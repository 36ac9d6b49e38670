using System.Linq.Expressions;

namespace UnifiedCustomers.Application.Common.Validation;

/// <summary>Rules that the fields of every merge patch (RFC 7396) share; the field's JSON name is the property reported.</summary>
internal static class MergePatchRules
{
    /// <summary>A name that may be changed but not cleared: given, it is not empty and at most <paramref name="maxLength"/> long.</summary>
    public static void RuleForName<T>(this AbstractValidator<T> validator, Func<T, Optional<string?>> field, int maxLength, string message) =>
        validator.RuleFor(c => field(c).Value).NotEmpty().MaximumLength(maxLength).When(c => field(c).IsSet).OverridePropertyName("name")
            .WithMessage(message);

    /// <summary>A true-or-false field: given, it is not null.</summary>
    public static void RuleForSwitch<T>(this AbstractValidator<T> validator, Func<T, Optional<bool?>> field, string name) =>
        validator.RuleFor(c => field(c).Value).NotNull().When(c => field(c).IsSet).OverridePropertyName(name).WithMessage($"{name} is true or false.");

    /// <summary>A list of class type ids (null or empty: every class type): given, none of them is empty.</summary>
    public static void RuleForClassTypeIds<T>(this AbstractValidator<T> validator, Func<T, Optional<IReadOnlyList<Guid>?>> field) =>
        validator.RuleForEach(c => field(c).Value).NotEmpty().When(c => field(c).IsSet).OverridePropertyName("classTypeIds")
            .WithMessage("A class type id cannot be empty.");
}
