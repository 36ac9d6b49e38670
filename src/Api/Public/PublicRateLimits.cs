using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace UnifiedCustomers.Api.Public;

/// <summary>How much the unauthenticated widget surface takes (configuration section RateLimits:Public).</summary>
internal sealed class PublicRateLimitOptions
{
    public int RequestsPerAddressPerMinute { get; set; } = 60;
    public int BookingsPerEmailPerHour { get; set; } = 5;
}

/// <summary>
/// The public surface is rate limited per client address (ASP.NET Core's rate limiter, a policy on
/// its route group; the address is the real client's behind trusted proxies, see ClientAddresses)
/// and its booking requests per email and address (<see cref="BookingsPerEmail"/>); a refusal is a
/// 429 problem with Retry-After.
/// </summary>
internal static class PublicRateLimits
{
    public const string PerAddress = "public-per-address";
    public const string Section = "RateLimits:Public";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<PublicRateLimitOptions>() ?? new PublicRateLimitOptions();
        services.AddSingleton(sp => new BookingsPerEmail(options, sp.GetRequiredService<TimeProvider>()));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerAddress, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientOf(http.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = async (context, _) => await TooManyRequests(context.Lease).ExecuteAsync(context.HttpContext);
        });
        return services;
    }

    /// <summary>
    /// Who a limit counts: an IPv4 address, or an IPv6 address's /64. An IPv6 host holds a /64 at
    /// least and rotates its own addresses inside it (RFC 4941), so the whole address would bound nothing.
    /// </summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var prefix = address.GetAddressBytes();
        Array.Clear(prefix, 8, 8);
        return new IPAddress(prefix) + "/64";
    }

    public static IResult TooManyRequests(RateLimitLease lease) =>
        TooManyRequests(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));

    public static IResult TooManyRequests(TimeSpan retryAfter) =>
        new WithRetryAfter(ApiErrors.RateLimited.ToProblem(), Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));

    private sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>
/// Booking requests per (organization, normalised email, client: <see cref="PublicRateLimits.ClientOf"/>) and hour. Only accepted
/// requests count: a request is reserved while it runs and given back when it is refused, so
/// nobody's failed attempts count, and another address's requests never count against this one,
/// so a stranger cannot lock a customer out of the widget.
/// </summary>
internal sealed class BookingsPerEmail(PublicRateLimitOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _accepted = new(StringComparer.Ordinal);

    public Reservation Reserve(Guid organizationId, string email, IPAddress? address)
    {
        // The form the customer is looked up by: "mia .robinson@…" is Mia's address, so it counts against hers.
        var key = string.Join('\n', organizationId.ToString("N"), EmailAddress.Normalize(email) ?? "", PublicRateLimits.ClientOf(address));
        var now = clock.GetUtcNow();
        if (_accepted.Count > SweepAbove) Sweep(now);
        var times = _accepted.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && times.Peek() <= now - Window) times.Dequeue();
            if (times.Count >= options.BookingsPerEmailPerHour) return new Reservation(null, default, times.Peek() + Window - now);
            times.Enqueue(now);
            return new Reservation(times, now, null);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, times) in _accepted)
        {
            lock (times)
            {
                while (times.Count > 0 && times.Peek() <= now - Window) times.Dequeue();
                if (times.Count == 0) _accepted.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, times));
            }
        }
    }

    /// <summary>A place in the window: kept when the request is accepted, given back on dispose otherwise.</summary>
    public sealed class Reservation(Queue<DateTimeOffset>? times, DateTimeOffset at, TimeSpan? retryAfter) : IDisposable
    {
        private bool _kept;

        /// <summary>Set when the window is full: how long until a place frees.</summary>
        public TimeSpan? RetryAfter { get; } = retryAfter;

        public void Keep() => _kept = true;

        public void Dispose()
        {
            if (_kept || times is null) return;
            lock (times)
            {
                // Queue has no Remove: rebuild without this one reservation.
                var kept = times.ToList();
                kept.Remove(at);
                times.Clear();
                foreach (var t in kept) times.Enqueue(t);
            }
        }
    }
}
