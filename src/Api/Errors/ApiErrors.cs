using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Api.Errors;

/// <summary>Errors of the HTTP edge itself (documented in docs/errors.md with the domain's).</summary>
internal static class ApiErrors
{
    public static readonly Error ValidationFailed = Error.Invalid("validation.failed", "One or more fields are invalid.", "");
    public static readonly Error Malformed = Error.Invalid("request.malformed", "The request could not be read.", "");
    public static readonly Error UnsupportedMediaType = new("request.unsupported_media_type", "Send the body as application/json (a PATCH also takes application/merge-patch+json).", ErrorKind.Validation);
    public static readonly Error RouteNotFound = Error.NotFound("route.not_found", "No such endpoint.");
    public static readonly Error MethodNotAllowed = new("request.method_not_allowed", "This endpoint does not accept this method.", ErrorKind.Validation);
    public static readonly Error ApiKeyMissing = new("auth.api_key_missing", "Send an API key as 'Authorization: Bearer <key>'.");
    public static readonly Error ApiKeyInvalid = new("auth.api_key_invalid", "The API key is unknown or revoked.");
    public static readonly Error RateLimited = new("rate_limit.exceeded", "Too many requests; retry after the time in the Retry-After header.");
    public static readonly Error IdempotencyKeyReused = new("idempotency.key_reused", "This Idempotency-Key was already used with a different request.");
    public static readonly Error IdempotencyKeyInvalid = Error.Invalid("idempotency.key_invalid", "An Idempotency-Key is 1 to 100 visible ASCII characters.", "Idempotency-Key");
    public static readonly Error ServerError = new("server.error", "Something went wrong on our side. It has been logged; retry later.");
}
