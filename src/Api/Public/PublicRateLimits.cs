using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using UnifiedCustomers.Api.Errors;

namespace UnifiedCustomers.Api.Public;

/// <summary>How much the unauthenticated widget surface takes (configuration section RateLimits:Public).</summary>
internal sealed class PublicRateLimitOptions
{
    public int RequestsPerAddressPerMinute { get; set; } = 60;
    public int BookingsPerEmailPerHour { get; set; } = 5;
}

/// <summary>
/// The public surface is rate limited per client address (a policy on its route group) and its
/// bookings per email (checked by the endpoint, which is where the email is known), both with
/// ASP.NET Core's rate limiters; a refusal is a 429 problem with Retry-After.
/// </summary>
internal static class PublicRateLimits
{
    public const string PerAddress = "public-per-address";
    public const string Section = "RateLimits:Public";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<PublicRateLimitOptions>() ?? new PublicRateLimitOptions();
        services.AddSingleton(new BookingsPerEmail(options));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerAddress, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = async (context, _) => await TooManyRequests(context.Lease).ExecuteAsync(context.HttpContext);
        });
        return services;
    }

    public static IResult TooManyRequests(RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return new WithRetryAfter(ApiErrors.RateLimited.ToProblem(), (int)Math.Ceiling(retryAfter.TotalSeconds));
    }

    private sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>Bookings per (normalised) email and hour, whoever sends them.</summary>
internal sealed class BookingsPerEmail(PublicRateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.BookingsPerEmailPerHour,
            Window = TimeSpan.FromHours(1),
        }));

    public RateLimitLease Acquire(string email) => _limiter.AttemptAcquire(email.Trim().ToLowerInvariant());

    public void Dispose() => _limiter.Dispose();
}
