using Microsoft.AspNetCore.Mvc;

namespace UnifiedCustomers.Api.Errors;

/// <summary>
/// The one place an <see cref="Error"/> becomes an RFC 9457 problem: the status follows the error's
/// kind, the type is a stable URI per code, and the code travels as an extension.
/// </summary>
internal static class ProblemMapping
{
    public const string TypeBase = "https://docs.unifiedcustomers.dev/errors#";

    /// <summary>The status of an error: its kind decides, nothing else (docs/adr/0029).</summary>
    public static int StatusOf(Error error) => StatusOf(error.Kind);

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Rule => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorKind.Timeout => StatusCodes.Status408RequestTimeout,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.HeadersTooLarge => StatusCodes.Status431RequestHeaderFieldsTooLarge,
        ErrorKind.Unexpected => StatusCodes.Status500InternalServerError,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Every kind has its status."),
    };

    public static ProblemDetails ToProblemDetails(Error error, IDictionary<string, string[]>? fieldErrors = null)
    {
        var status = StatusOf(error);
        var problem = new ProblemDetails
        {
            Type = TypeBase + error.Code,
            Title = TitleOf(status),
            Status = status,
            Detail = error.Message,
        };
        problem.Extensions["code"] = error.Code;
        if (error.Reasons.Count > 0)
            problem.Extensions["reasons"] = error.Reasons.Select(r => new ProblemReason(r.Code, r.Message, r.Field)).ToList();
        fieldErrors ??= error is { Kind: ErrorKind.Validation, Field: { Length: > 0 } field } ? new Dictionary<string, string[]> { [field] = [error.Message] } : null;
        if (fieldErrors is not null) problem.Extensions["errors"] = fieldErrors;
        return problem;
    }

    public static IResult ToProblem(this Error error, IDictionary<string, string[]>? fieldErrors = null) =>
        TypedResults.Problem(ToProblemDetails(error, fieldErrors));

    /// <summary>Problems the framework raises without an Error (unknown route, wrong method, body too large or too slow...): the same shape, with a code.</summary>
    public static Error? ForStatus(int status) => status switch
    {
        StatusCodes.Status404NotFound => ApiErrors.RouteNotFound,
        StatusCodes.Status405MethodNotAllowed => ApiErrors.MethodNotAllowed,
        StatusCodes.Status415UnsupportedMediaType => ApiErrors.UnsupportedMediaType,
        StatusCodes.Status401Unauthorized => ApiErrors.ApiKeyMissing,
        StatusCodes.Status429TooManyRequests => ApiErrors.RateLimited,
        StatusCodes.Status400BadRequest => ApiErrors.Malformed,
        StatusCodes.Status408RequestTimeout => ApiErrors.RequestTimeout,
        StatusCodes.Status413PayloadTooLarge => ApiErrors.TooLarge,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ApiErrors.HeadersTooLarge,
        StatusCodes.Status503ServiceUnavailable => ApiErrors.ServiceUnavailable,
        >= 500 => ApiErrors.ServerError,
        _ => null,
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "The request is invalid.",
        401 => "Authentication is required.",
        404 => "Not found.",
        405 => "Method not allowed.",
        408 => "Request timeout.",
        413 => "Content too large.",
        431 => "Request header fields too large.",
        503 => "Service unavailable.",
        409 => "The request conflicts with the current state.",
        415 => "Unsupported media type.",
        422 => "The request was refused by a business rule.",
        429 => "Too many requests.",
        _ => "Server error.",
    };
}

/// <summary>Why one alternative failed, inside payment.none_available and booking.batch_refused.</summary>
internal sealed record ProblemReason(string Code, string Message, string? Field);
