namespace UnifiedCustomers.Domain.Common;

/// <summary>
/// How an expected failure should be understood by a caller. The API maps each kind to one HTTP
/// status and looks at nothing else (docs/adr/0029); a code never decides a status.
/// </summary>
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
    /// <summary>Whoever sends the request is not recognised: no credentials, or ones that no longer count.</summary>
    Unauthorized,
    /// <summary>The caller sends too much too fast; it may retry later.</summary>
    RateLimited,
    /// <summary>The service cannot serve now (its database is down, it is starting or stopping); retry later.</summary>
    Unavailable,
    /// <summary>A failure on the service's side that nobody expected (a bug); logged.</summary>
    Unexpected,

    // What only a transport can get wrong: raised by the HTTP edge, never by a use case.

    /// <summary>The endpoint exists but does not take this method.</summary>
    MethodNotAllowed,
    /// <summary>The request did not arrive in time.</summary>
    Timeout,
    /// <summary>The request's body is larger than the service takes.</summary>
    TooLarge,
    /// <summary>The request's body is in a format the endpoint does not read.</summary>
    UnsupportedMediaType,
    /// <summary>The request's headers are larger or more numerous than the service takes.</summary>
    HeadersTooLarge,
}

/// <summary>
/// An expected outcome with a stable, documented code (see docs/errors.md). Every code is declared
/// once, in a catalog class named <c>*Errors</c> (the aggregate's in Domain, one per layer above).
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Rule, string? Field = null)
{
    /// <summary>Why each alternative failed, when the error sums several up (payment.none_available).</summary>
    public IReadOnlyList<Error> Reasons { get; init; } = [];

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error Invalid(string code, string message, string field) => new(code, message, ErrorKind.Validation, field);
    public static Error Rule(string code, string message) => new(code, message, ErrorKind.Rule);
    public static Error Unauthorized(string code, string message) => new(code, message, ErrorKind.Unauthorized);
}
