namespace UnifiedCustomers.Domain.Customers;

public static class CustomerAccessErrors
{
    public static readonly Error NotFound = Error.NotFound("access_token.not_found", "No such access token for this customer.");
    public static readonly Error AlreadyRevoked = Error.Conflict("access_token.already_revoked", "The access token is already revoked.");
    public static readonly Error LifetimeOutOfRange = Error.Invalid(
        "access_token.lifetime_invalid",
        $"An access token lives {CustomerAccessToken.MinLifetimeMinutes} to {CustomerAccessToken.MaxLifetimeMinutes} minutes.",
        "expiresInMinutes");
    public static readonly Error LabelTooLong =
        Error.Invalid("access_token.label_too_long", $"A label is at most {CustomerAccessToken.LabelMaxLength} characters.", "label");

    /// <summary>401: the token was revoked, or its customer archived or erased.</summary>
    public static readonly Error Revoked = Error.Unauthorized("auth.customer_token_revoked", "This access token was revoked, or the customer can no longer sign in.");
    /// <summary>401: past its expiry.</summary>
    public static readonly Error Expired = Error.Unauthorized("auth.customer_token_expired", "This access token has expired: ask the studio's app for a new one.");
}
