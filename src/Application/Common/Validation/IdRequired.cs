using System.Linq.Expressions;

namespace UnifiedCustomers.Application.Common.Validation;

/// <summary>A request that names one resource by its id: the id must be given (not the empty Guid).</summary>
internal abstract class IdRequiredValidator<T> : AbstractValidator<T>
{
    protected IdRequiredValidator(Expression<Func<T, Guid>> id, string? message = null)
    {
        var rule = RuleFor(id).NotEmpty();
        if (message is not null) rule.WithMessage(message);
    }
}
