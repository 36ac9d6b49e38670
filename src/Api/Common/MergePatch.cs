using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace UnifiedCustomers.Api.Common;

/// <summary>
/// Partial updates as JSON Merge Patch (RFC 7396): the body is an object whose members replace
/// the resource's fields, a member left out keeps its field, and null clears a field where that is
/// allowed. Read once as an object to know which members are present, then as the typed request
/// with the strict JSON options (unknown members and wrong types are 400s as everywhere).
/// </summary>
internal static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    public static async Task<MergePatchBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (!IsJson(request.ContentType))
            throw new BadHttpRequestException($"Send the body as {MediaType} (or application/json).", StatusCodes.Status415UnsupportedMediaType);
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var root = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, options, ct);
        if (root.ValueKind != JsonValueKind.Object) throw new BadHttpRequestException("A merge patch is a JSON object.");
        var body = root.Deserialize<T>(options) ?? throw new BadHttpRequestException("A merge patch is a JSON object.");
        var present = root.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new MergePatchBody<T>(body, present);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase)
            || parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Documents the body of a PATCH: its fields, all optional, sent as a merge patch.</summary>
    public static RouteHandlerBuilder AcceptsMergePatch<T>(this RouteHandlerBuilder builder) where T : notnull =>
        builder.Accepts<T>(MediaType, "application/json").ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>A PATCH of a resource: named, summarised, its merge-patch body, 200 with the resource, and its problems.</summary>
    public static RouteHandlerBuilder Patches<TPatch, TResponse>(this RouteHandlerBuilder builder, string name, string summary, params int[] problems)
        where TPatch : notnull =>
        builder.WithName(name).WithSummary(summary).AcceptsMergePatch<TPatch>().Produces<TResponse>().Problems(problems);
}

/// <summary>A merge patch read: the typed body and the members it holds.</summary>
internal sealed record MergePatchBody<T>(T Body, IReadOnlySet<string> Present)
{
    /// <summary>The member's value when the patch holds it (null included), else unset.</summary>
    public Optional<TValue> Field<TValue>(string name, TValue value) => Present.Contains(name) ? value : Optional<TValue>.Unset;
}
