using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Errors;

/// <summary>
/// The one place exceptions become problems, and the one place they are logged: invalid commands
/// (400 validation.failed with every field), unique-index races (409 with their code), unreadable
/// requests (400 request.malformed naming the field when known; 408, 413 and 415 by the framework's
/// status), a database that cannot serve now (503 database.unavailable with Retry-After, see
/// <see cref="DatabaseFailures"/>), and everything else (500 server.error, logged, no internals).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client waits before retrying when the database cannot serve.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.RequestAborted.IsCancellationRequested && exception is OperationCanceledException) return true;
        var body = await UnreadableRequests.BodyAsync(context, exception);
        var (error, fields) = Classify(context, exception, body);
        if (error.Kind == ErrorKind.Unavailable)
        {
            Unavailable(DatabaseFailures.Describe(exception), context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (error.Kind == ErrorKind.Unexpected && !context.RequestAborted.IsCancellationRequested)
        {
            Failed(exception, context.Request.Method, context.Request.Path);
        }
        var problem = ProblemMapping.ToProblemDetails(error, fields);
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static (Error Error, IDictionary<string, string[]>? Fields) Classify(HttpContext context, Exception exception, byte[]? body) => exception switch
    {
        ValidationException validation => (Uniform(validation.Errors), validation.Errors
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray())),
        UniqueConflictException conflict => (conflict.Error, null),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (ApiErrors.UnsupportedMediaType, null),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (ApiErrors.TooLarge, null),
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => (ApiErrors.RequestTimeout, null),
        BadHttpRequestException { StatusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge } => (ApiErrors.HeadersTooLarge, null),
        BadHttpRequestException bad => Malformed(context, bad, body),
        JsonException json => Malformed(context, json, body),
        _ when DatabaseFailures.IsUnavailable(exception) => (ApiErrors.DatabaseUnavailable, null),
        _ => (ApiErrors.ServerError, null),
    };

    /// <summary>
    /// When every failure carries the same catalog error (text.invalid_characters, date.out_of_range),
    /// that error is the problem's; a mix of failures is validation.failed. The fields are listed either way.
    /// </summary>
    internal static Error Uniform(IEnumerable<FluentValidation.Results.ValidationFailure> failures)
    {
        var errors = failures.Select(CatalogFailures.ErrorOf).ToList();
        return errors is [{ } first, ..] && errors.All(e => e is not null && e.Code == first.Code)
            ? first with { Kind = ErrorKind.Validation, Field = "" }
            : ApplicationErrors.ValidationFailed;
    }

    private static (Error, IDictionary<string, string[]>?) Malformed(HttpContext context, BadHttpRequestException bad, byte[]? body)
    {
        for (var inner = bad.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json) return Malformed(context, json, body);
        }
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false }
            && UnreadableRequests.FailedEndpoint(context)?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is not null)
            return (ApiErrors.Malformed with { Message = "This request needs a JSON body." }, null);
        if (UnreadableRequests.UnboundParameter(context) is not var (field, message)) return (ApiErrors.Malformed, null);
        return (ApiErrors.Malformed with { Message = message, Field = field }, new Dictionary<string, string[]> { [field] = [message] });
    }

    private static (Error, IDictionary<string, string[]>?) Malformed(HttpContext context, JsonException json, byte[]? body)
    {
        var (field, message) = UnreadableRequests.Describe(context, json, body);
        return field is null
            ? (ApiErrors.Malformed with { Message = message }, null)
            : (ApiErrors.Malformed with { Message = message, Field = field }, new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>"Payment.Method" → "payment.method", "SessionIds[0]" → "sessionIds[0]".</summary>
    public static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void Failed(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: {Cause}")]
    private partial void Unavailable(string cause, string method, string path);
}
