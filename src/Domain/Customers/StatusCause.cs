namespace UnifiedCustomers.Domain.Customers;

/// <summary>Why a customer's status changed, as the status history keeps it.</summary>
public sealed record StatusCause : TextValue
{
    public const int MaxLength = 200;

    private StatusCause(string value) : base(value) { }

    /// <summary>A cause a person gave (an archive reason, the request's field <c>reason</c>).</summary>
    public static Result<StatusCause> From(string? text) =>
        Read(text, "reason", MaxLength, CustomerErrors.StatusCauseTooLong)
            .Bind(cause => cause is null ? CustomerErrors.StatusCauseRequired : Result.Success(new StatusCause(cause)));

    /// <summary>
    /// A cause the system writes ("registered", "bought pack {name}"): from checked values, but a long
    /// product name may make it longer than the history keeps, so it is cut to fit.
    /// </summary>
    internal static StatusCause Of(string text) => new(text.Length > MaxLength ? text[..MaxLength] : text);
}
