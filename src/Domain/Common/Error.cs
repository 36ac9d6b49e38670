namespace UnifiedCustomers.Domain.Common;

/// <summary>How an expected failure should be understood by a caller; the API maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The request itself is malformed (a field out of range, a missing value).</summary>
    Validation,
    /// <summary>What the request names does not exist, or belongs to another organization.</summary>
    NotFound,
    /// <summary>The request clashes with the current state (already booked, a duplicate email).</summary>
    Conflict,
    /// <summary>A business rule refuses the request (class full, no credits, window closed).</summary>
    Rule,
}

/// <summary>An expected business outcome with a stable, documented code (see docs/errors.md).</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Rule, string? Field = null)
{
    /// <summary>Why each alternative failed, when the error sums several up (payment.none_available).</summary>
    public IReadOnlyList<Error> Reasons { get; init; } = [];

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error Invalid(string code, string message, string field) => new(code, message, ErrorKind.Validation, field);
}
