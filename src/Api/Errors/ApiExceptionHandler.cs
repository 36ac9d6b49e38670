using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Api.Errors;

/// <summary>
/// The one place exceptions become problems: invalid commands (400 validation.failed with every
/// field), unique-index races (409 with their code), unreadable requests (400 request.malformed
/// naming the field when known) and everything else (500 server.error, logged, no internals).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (error, fields) = Classify(exception);
        if (error == ApiErrors.ServerError && !context.RequestAborted.IsCancellationRequested) Failed(exception, context.Request.Method, context.Request.Path);
        var problem = ProblemMapping.ToProblemDetails(error, fields);
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static (Error Error, IDictionary<string, string[]>? Fields) Classify(Exception exception) => exception switch
    {
        ValidationException validation => (Uniform(validation.Errors), validation.Errors
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray())),
        UniqueConflictException conflict => (conflict.Error, null),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (ApiErrors.UnsupportedMediaType, null),
        BadHttpRequestException bad => Malformed(bad),
        JsonException json => Malformed(json),
        _ => (ApiErrors.ServerError, null),
    };

    /// <summary>
    /// When every failure carries the same documented code (text.invalid_characters, date.out_of_range),
    /// that code is the problem's; a mix of failures is validation.failed. The fields are listed either way.
    /// </summary>
    private static Error Uniform(IEnumerable<FluentValidation.Results.ValidationFailure> failures)
    {
        var list = failures.ToList();
        return list.Select(f => f.ErrorCode).Distinct().ToList() is [{ } code] && code.Contains('.', StringComparison.Ordinal)
            ? Error.Invalid(code, list[0].ErrorMessage, "")
            : ApiErrors.ValidationFailed;
    }

    private static (Error, IDictionary<string, string[]>?) Malformed(BadHttpRequestException bad)
    {
        for (var inner = bad.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json) return Malformed(json);
        }
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge) return (ApiErrors.Malformed with { Message = "The request body is too large." }, null);
        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal))
            return (ApiErrors.Malformed with { Message = "This request needs a JSON body." }, null);
        var parameter = ParameterName().Match(bad.Message);
        if (!parameter.Success) return (ApiErrors.Malformed, null);
        var field = parameter.Groups[1].Value;
        var message = bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            ? $"The parameter '{field}' is required."
            : $"The value of '{field}' is not valid.";
        return (ApiErrors.Malformed with { Message = message, Field = field }, new Dictionary<string, string[]> { [field] = [message] });
    }

    private static (Error, IDictionary<string, string[]>?) Malformed(JsonException json)
    {
        var text = json.Message;
        string? field = null;
        string message;
        if (MissingProperty().Match(text) is { Success: true } missing)
        {
            field = missing.Groups[1].Value;
            message = $"The field '{field}' is required.";
        }
        else if (UnmappedProperty().Match(text) is { Success: true } unmapped)
        {
            field = unmapped.Groups[1].Value;
            message = $"The field '{field}' is not part of this request.";
        }
        else
        {
            field = FieldFromPath(json.Path);
            message = field is null ? "The body is not valid JSON." : $"The value of '{field}' is not valid here (wrong type, format or unknown value).";
        }
        return field is null
            ? (ApiErrors.Malformed with { Message = message }, null)
            : (ApiErrors.Malformed with { Message = message, Field = field }, new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>"$.payment.method" → "payment.method"; "$['x']" → "x"; the root names no field.</summary>
    private static string? FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        field = field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
        return field.Length == 0 ? null : field;
    }

    /// <summary>"Payment.Method" → "payment.method", "SessionIds[0]" → "sessionIds[0]".</summary>
    public static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    [GeneratedRegex("""parameter "(?:[^" ]+ )?([^" ]+)" """)]
    private static partial Regex ParameterName();

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingProperty();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void Failed(Exception exception, string method, string path);
}
