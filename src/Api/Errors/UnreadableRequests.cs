using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace UnifiedCustomers.Api.Errors;

/// <summary>
/// Which field of an unreadable request is at fault, found from what the framework gives as data
/// (the JSON path of a <see cref="JsonException"/>, the endpoint's request type and parameters, the
/// body itself), never from the text of its messages.
/// </summary>
internal static class UnreadableRequests
{
    /// <summary>The field a JSON body failed on and a sentence about it; no field when the body is not JSON at all.</summary>
    public static (string? Field, string Message) Describe(HttpContext context, JsonException json, byte[]? content)
    {
        var path = Segments(json.Path);
        var requestType = FailedEndpoint(context)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var body = requestType is null || content is null ? null : Parse(content);
        if (requestType is null || body is null) return path.Count == 0 ? (null, "The body is not valid JSON.") : Invalid(path);
        using (body)
        {
            var type = TypeAt(requestType, path);
            var element = ElementAt(body.RootElement, path);
            // The exception points at an object: a required field of it is missing.
            if (type is not null && element is { ValueKind: JsonValueKind.Object } found
                && RequiredMembers(type).FirstOrDefault(name => !found.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) is { } missing)
            {
                var field = Join([.. path, missing]);
                return (field, $"The field '{field}' is required.");
            }
            // The exception points at a member its object's type does not have.
            if (path.Count > 0 && !path[^1].StartsWith('[') && TypeAt(requestType, path[..^1]) is { } parent && MemberType(parent, path[^1]) is null)
            {
                var field = Join(path);
                return (field, $"The field '{field}' is not part of this request.");
            }
            return path.Count == 0 ? (null, "The body is not valid JSON.") : Invalid(path, type);
        }
    }

    /// <summary>The route or query parameter that could not be bound to its type, or that is required and absent.</summary>
    public static (string Field, string Message)? UnboundParameter(HttpContext context)
    {
        if (FailedEndpoint(context)?.Metadata.GetMetadata<MethodInfo>() is not { } method) return null;
        var routeValues = context.Features.Get<IExceptionHandlerFeature>()?.RouteValues ?? context.Request.RouteValues;
        string? givenEmpty = null;
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.Name is not { } name) continue;
            var nullable = Nullable.GetUnderlyingType(parameter.ParameterType);
            var type = nullable ?? parameter.ParameterType;
            if (!IsSimple(type) || type == typeof(string)) continue;
            var raw = routeValues.TryGetValue(name, out var routeValue) ? routeValue?.ToString()
                : context.Request.Query.TryGetValue(name, out var queryValue) ? queryValue.ToString() : null;
            if (string.IsNullOrEmpty(raw))
            {
                if (nullable is null && !parameter.HasDefaultValue) return (name, $"The parameter '{name}' is required.");
                if (raw is not null) givenEmpty ??= name;
                continue;
            }
            if (IsoDates.Covers(type))
            {
                if (!IsoDates.Parses(type, raw)) return (name, QueryValues.NotADate(name, type));
            }
            else if (!Parses(type, raw)) return (name, $"The value of '{name}' is not valid.");
        }
        // Nothing else failed: the parameter given with no value ("?from=") is the one the binder refused.
        return givenEmpty is { } empty ? (empty, $"The parameter '{empty}' has no value; leave it out or give one.") : null;
    }

    /// <summary>The exception handler runs with the endpoint and route values cleared; the feature keeps those of the failed request.</summary>
    public static Endpoint? FailedEndpoint(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    private static (string?, string) Invalid(IReadOnlyList<string> path, Type? type = null)
    {
        var field = Join(path);
        return type is not null && IsoDates.Expected(type) is { } expected
            ? (field, $"The value of '{field}' is not {expected}.")
            : (field, $"The value of '{field}' is not valid here (wrong type, format or unknown value).");
    }

    /// <summary>"$.payment.method" → [payment, method]; "$.sessionIds[0]" → [sessionIds, [0]]; "$['x']" → [x].</summary>
    private static List<string> Segments(string? path)
    {
        var segments = new List<string>();
        if (string.IsNullOrEmpty(path)) return segments;
        var rest = path.TrimStart('$');
        while (rest.Length > 0)
        {
            if (rest.StartsWith("['", StringComparison.Ordinal))
            {
                var end = rest.IndexOf("']", StringComparison.Ordinal);
                if (end < 0) break;
                segments.Add(rest[2..end]);
                rest = rest[(end + 2)..];
            }
            else if (rest[0] == '[')
            {
                var end = rest.IndexOf(']', StringComparison.Ordinal);
                if (end < 0) break;
                segments.Add(rest[..(end + 1)]);
                rest = rest[(end + 1)..];
            }
            else
            {
                rest = rest.TrimStart('.');
                var end = rest.IndexOfAny(['.', '[']);
                segments.Add(end < 0 ? rest : rest[..end]);
                rest = end < 0 ? "" : rest[end..];
            }
        }
        return segments.Where(s => s.Length > 0).ToList();
    }

    private static string Join(IEnumerable<string> segments) =>
        string.Concat(segments.Select((s, i) => i == 0 || s.StartsWith('[') ? s : "." + s));

    /// <summary>The body of a request whose JSON could not be read, when it was kept (<see cref="JsonBodyBuffering"/>).</summary>
    public static async Task<byte[]?> BodyAsync(HttpContext context, Exception exception)
    {
        var json = false;
        for (var ex = exception; ex is not null; ex = ex.InnerException) json |= ex is JsonException;
        var body = context.Request.Body;
        if (!json || !body.CanSeek) return null;
        try
        {
            body.Position = 0;
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy, context.RequestAborted);
            return copy.ToArray();
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or InvalidOperationException or BadHttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    private static JsonDocument? Parse(byte[] content)
    {
        try
        {
            return JsonDocument.Parse(content);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? ElementAt(JsonElement root, IReadOnlyList<string> path)
    {
        var current = root;
        foreach (var segment in path)
        {
            if (segment.StartsWith('['))
            {
                if (current.ValueKind != JsonValueKind.Array || !int.TryParse(segment[1..^1], CultureInfo.InvariantCulture, out var index) || index >= current.GetArrayLength())
                    return null;
                current = current[index];
            }
            else
            {
                if (current.ValueKind != JsonValueKind.Object) return null;
                var property = current.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
                if (property.Value.ValueKind == JsonValueKind.Undefined) return null;
                current = property.Value;
            }
        }
        return current;
    }

    private static Type? TypeAt(Type root, IReadOnlyList<string> path)
    {
        Type? current = root;
        foreach (var segment in path)
        {
            if (current is null) return null;
            current = segment.StartsWith('[') ? ElementType(current) : MemberType(current, segment);
        }
        return current is null ? null : Nullable.GetUnderlyingType(current) ?? current;
    }

    private static Type? MemberType(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType is { } member
            ? Nullable.GetUnderlyingType(member) ?? member
            : null;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>Constructor parameters without a default value: what the strict JSON options require (camelCase).</summary>
    private static IEnumerable<string> RequiredMembers(Type type)
    {
        if (IsSimple(type)) return [];
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        return constructor?.GetParameters().Where(p => !p.HasDefaultValue && p.Name is not null)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)) ?? [];
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateOnly)
        || type == typeof(TimeOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan);

    private static bool Parses(Type type, string raw)
    {
        if (type.IsEnum) return Enum.TryParse(type, raw, ignoreCase: true, out _);
        var withProvider = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withProvider is not null) return (bool)withProvider.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
        // bool has no TryParse with a format provider ("?available=maybe", or two values joined by a comma)
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return plain is null || (bool)plain.Invoke(null, [raw, null])!;
    }
}

/// <summary>
/// JSON bodies are kept readable after binding, so an unreadable one can be examined for the field at fault. Their
/// charset is settled first: a quoted one (RFC 9110 allows charset="utf-8") is unquoted, and one with no encoding
/// is 415. The framework's JSON reader looks the charset up as written and threw for both: a 500, anonymous callers' too.
/// </summary>
internal sealed class JsonBodyBuffering(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasJsonContentType())
        {
            if (!SettleCharset(context.Request))
            {
                await ApiErrors.UnsupportedMediaType.ToProblem().ExecuteAsync(context);
                return;
            }
            context.Request.EnableBuffering();
        }
        await next(context);
    }

    private static bool SettleCharset(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Length == 0) return true;
        var charset = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Charset).ToString();
        try
        {
            System.Text.Encoding.GetEncoding(charset);
        }
        catch (Exception unreadable) when (unreadable is ArgumentException or NotSupportedException)
        {
            // NotSupportedException: UTF-7, which .NET refuses to decode (a 500 until caught here).
            return false;
        }
        type.Charset = charset;
        request.ContentType = type.ToString();
        return true;
    }
}
