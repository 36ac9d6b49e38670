namespace UnifiedCustomers.Api.Errors;

/// <summary>
/// The catalog of the HTTP edge's own errors: reading the request, authentication, rate limiting,
/// idempotency keys and the framework's failures (documented in docs/errors.md with the domain's).
/// </summary>
internal static class ApiErrors
{
    public static readonly Error Malformed = Error.Invalid("request.malformed", "The request could not be read.", "");
    public static readonly Error UnsupportedMediaType =
        new("request.unsupported_media_type", "Send the body as application/json, in an encoding it names that exists (UTF-8 by default; a PATCH also takes application/merge-patch+json).", ErrorKind.UnsupportedMediaType);
    public static readonly Error RouteNotFound = Error.NotFound("route.not_found", "No such endpoint.");
    public static readonly Error MethodNotAllowed = new("request.method_not_allowed", "This endpoint does not accept this method.", ErrorKind.MethodNotAllowed);
    public static readonly Error ApiKeyMissing = Error.Unauthorized("auth.api_key_missing", "Send an API key as 'Authorization: Bearer <key>'.");
    public static readonly Error ApiKeyInvalid = Error.Unauthorized("auth.api_key_invalid", "The API key is unknown or revoked.");
    public static readonly Error CustomerTokenMissing = Error.Unauthorized("auth.customer_token_missing", "Send a customer access token as 'Authorization: Bearer <token>'.");
    public static readonly Error CustomerTokenInvalid = Error.Unauthorized("auth.customer_token_invalid", "The customer access token is malformed or not signed by this API.");
    public static readonly Error ComplimentaryNotForMembers =
        Error.Invalid("member.payment_not_allowed", "Pay with a membership, a pack or a drop-in; complimentary bookings are made by staff.", "payment.method");
    public static readonly Error RateLimited = new("rate_limit.exceeded", "Too many requests; retry after the time in the Retry-After header.", ErrorKind.RateLimited);
    public static readonly Error IdempotencyKeyReused = Error.Rule("idempotency.key_reused", "This Idempotency-Key was already used with a different request.");
    public static readonly Error IdempotencyKeyInvalid = Error.Invalid("idempotency.key_invalid", "An Idempotency-Key is 1 to 100 visible ASCII characters.", "Idempotency-Key");
    public static readonly Error RequestTimeout = new("request.timeout", "The request was not received in time; send it again.", ErrorKind.Timeout);
    public static readonly Error TooLarge = new("request.too_large", "The request body is too large.", ErrorKind.TooLarge);
    public static readonly Error HeadersTooLarge = new("request.headers_too_large", "The request's headers are too large.", ErrorKind.HeadersTooLarge);
    public static readonly Error DatabaseUnavailable = new(
        "database.unavailable", "The service cannot reach its database right now; retry after the time in the Retry-After header.", ErrorKind.Unavailable);
    public static readonly Error ServiceUnavailable = new("service.unavailable", "The service is unavailable right now; retry later.", ErrorKind.Unavailable);
    public static readonly Error ServerError = new("server.error", "Something went wrong on our side. It has been logged; retry later.", ErrorKind.Unexpected);
}
