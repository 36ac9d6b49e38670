using System.Security.Cryptography;
using System.Text;

namespace UnifiedCustomers.Api.Idempotency;

/// <summary>Marks a creating POST that honours the Idempotency-Key header.</summary>
internal sealed class IdempotentAttribute : Attribute;

/// <summary>
/// Same key and same request: the first answer again, with `Idempotent-Replayed: true`. Same key,
/// another request: 422 idempotency.key_reused. A duplicate sent while the first still runs waits
/// for it (see Infrastructure's IdempotencyStore). Server errors are not kept, so a retry runs again. The key, the
/// command and the answer share the request's one transaction (docs/adr/0006).
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store, OrganizationDirectory directory)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null)
        {
            await next(context);
            return;
        }
        if (key.Length > IdempotencyClaim.KeyMaxLength || key.Any(c => c is < '!' or > '~'))
        {
            await ApiErrors.IdempotencyKeyInvalid.ToProblem().ExecuteAsync(context);
            return;
        }
        // A public route's studio is its slug's, whatever credentials the caller also sends; the command runs there.
        var isPublic = OrganizationDirectory.NamesTheStudio(context);
        var organizationId = isPublic ? (await directory.FromRouteAsync(context))?.Id : Tenant.Of(context)?.OrganizationId;
        if (organizationId is null)
        {
            await next(context);
            return;
        }

        byte[] hash;
        try
        {
            hash = await HashAsync(context.Request);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body over the limit is answered exactly as without the key (413): the endpoint meets the same limit.
            context.Request.Body.Position = 0;
            await next(context);
            return;
        }
        var claim = await store.ClaimAsync(organizationId.Value, isPublic ? AnonymousKey(key) : key, hash, context.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.KeyReused:
                await ApiErrors.IdempotencyKeyReused.ToProblem().ExecuteAsync(context);
                return;
            case IdempotencyClaim.Replay { Response: var stored }:
                context.Response.StatusCode = stored.Status;
                if (stored.ContentType is not null) context.Response.ContentType = stored.ContentType;
                if (stored.Location is not null) context.Response.Headers.Location = stored.Location;
                context.Response.Headers[ReplayedHeader] = "true";
                await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
                return;
            case IdempotencyClaim.First first:
                await using (first)
                {
                    await RunFirstAsync(context, first);
                }
                return;
        }
    }

    /// <summary>
    /// Anonymous callers' keys are filed apart from the studio's own: sharing them, a widget request told
    /// which keys the back office had used (422 instead of 202) and could take one first.
    /// </summary>
    private static string AnonymousKey(string key) => "anonymous:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private async Task RunFirstAsync(HttpContext context, IdempotencyClaim.First first)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var body = buffer.ToArray();
        // Disposing the claim without completing it rolls the key back: a server error is not an answer to keep,
        // nor a rate limit's refusal, which the same request sent later may pass.
        if (context.Response.StatusCode is < StatusCodes.Status500InternalServerError and not StatusCodes.Status429TooManyRequests)
        {
            await first.CompleteAsync(
                new StoredResponse(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, body),
                CancellationToken.None);
        }
        await original.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The method, path, query and body: "the same request" means all of them.</summary>
    private static async Task<byte[]> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
