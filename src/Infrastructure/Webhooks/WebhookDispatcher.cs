using UnifiedCustomers.Application.Common.Telemetry;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Webhooks;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Infrastructure.Webhooks;

/// <summary>
/// One round of the delivery worker: claim due deliveries (claim_webhook_deliveries(): FOR UPDATE
/// SKIP LOCKED, then a lease), post each, record each attempt in its organization's transaction.
/// Deliveries of one subscription go one at a time in feed order; subscriptions in parallel.
/// </summary>
public sealed partial class WebhookDispatcher : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IServiceScopeFactory _scopes;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly HttpClient _http;

    public WebhookDispatcher(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, WebhookOptions options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    {
        (_dataSource, _scopes, _options, _clock, _logger) = (dataSource, scopes, options, clock, logger);
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("UnifiedCustomers-Webhooks/1");
    }

    /// <returns>how many deliveries this round claimed</returns>
    public async Task<int> DispatchAsync(CancellationToken stopping)
    {
        var claimed = await ClaimAsync(stopping);
        if (claimed.Count == 0) return 0;
        await Task.WhenAll(claimed.GroupBy(c => c.SubscriptionId).Select(group => DeliverInOrderAsync(group.ToList(), stopping)));
        return claimed.Count;
    }

    /// <summary>
    /// Posts one subscription's claims in feed order, stopping at the first failure (the rest are
    /// handed back rather than each waiting out the timeout in turn), then records every attempt in
    /// one transaction of the organization.
    /// </summary>
    private async Task DeliverInOrderAsync(List<Claim> claims, CancellationToken stopping)
    {
        var attempts = new List<(Claim Claim, AttemptResult Result)>();
        foreach (var claim in claims)
        {
            var outcome = await PostAsync(claim, stopping);
            // Stopping mid-post records nothing: the lease runs out and the delivery is claimed again.
            if (outcome is null) break;
            attempts.Add((claim, outcome));
            if (outcome.Outcome != AttemptOutcome.Succeeded) break;
        }
        if (attempts.Count > 0 || !stopping.IsCancellationRequested)
            await RecordAsync(attempts, stopping.IsCancellationRequested ? [] : claims.Skip(attempts.Count).ToList());
    }

    private async Task<List<Claim>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await using var command = _dataSource.CreateCommand(
            "SELECT delivery_id, organization_id, lease_id, subscription_id, url, secret, previous_secret, event_id, event_type, occurred_at, data, event_position "
            + "FROM claim_webhook_deliveries($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + _options.Lease });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.BatchSize });
        var claims = new List<Claim>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claims.Add(new Claim(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetGuid(7), reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(9), reader.GetString(10), reader.GetInt64(11)));
        }
        return claims.OrderBy(c => c.EventPosition).ToList();
    }

    /// <returns>null when the worker is stopping</returns>
    private async Task<AttemptResult?> PostAsync(Claim claim, CancellationToken stopping)
    {
        var body = Envelope(claim);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, claim.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", claim.EventId.ToString());
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature",
            WebhookSignature.Sign(claim.PreviousSecret is null ? [claim.Secret] : [claim.Secret, claim.PreviousSecret], claim.EventId.ToString(), timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            return new AttemptResult(response.IsSuccessStatusCode ? AttemptOutcome.Succeeded : AttemptOutcome.HttpError, status, excerpt, null, watch.Elapsed);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            return new AttemptResult(AttemptOutcome.TimedOut, null, null, $"no answer within {_options.Timeout.TotalSeconds:0.###} s", watch.Elapsed);
        }
        catch (HttpRequestException ex) when (ex.InnerException is AddressRefusedException refused)
        {
            return new AttemptResult(AttemptOutcome.AddressRefused, null, null, refused.Message, watch.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            return new AttemptResult(AttemptOutcome.NetworkError, null, null, ex.Message, watch.Elapsed);
        }
        // An answer cut short (HttpIOException) fails while its body is read, outside HttpRequestException.
        catch (IOException ex)
        {
            return new AttemptResult(AttemptOutcome.NetworkError, null, null, ex.Message, watch.Elapsed);
        }
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookDelivery.ResponseExcerptMaxLength];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0) break;
            read += n;
        }
        if (read == 0) return null;
        // Cut on a character boundary and keep only printable text in the log.
        var text = Encoding.UTF8.GetString(buffer, 0, read).TrimEnd('\uFFFD');
        return new string(text.Select(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t') ? '?' : c).ToArray());
    }

    private static byte[] Envelope(Claim claim)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", claim.EventId);
            json.WriteString("type", claim.EventType);
            json.WriteString("occurredAt", claim.OccurredAt);
            json.WriteString("organizationId", claim.OrganizationId);
            json.WritePropertyName("data");
            json.WriteRawValue(claim.Data, skipInputValidation: true);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private async Task RecordAsync(List<(Claim Claim, AttemptResult Result)> attempts, List<Claim> handBack)
    {
        if (attempts.Count == 0 && handBack.Count == 0) return;
        await using var scope = _scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var locks = scope.ServiceProvider.GetRequiredService<IRowLocks>();
        var organizationId = (attempts.Count > 0 ? attempts[0].Claim : handBack[0]).OrganizationId;
        var subscriptionId = (attempts.Count > 0 ? attempts[0].Claim : handBack[0]).SubscriptionId;
        var failed = await unitOfWork.RunAsync(organizationId, async ct =>
        {
            var now = _clock.GetUtcNow();
            var failures = new List<(Claim, AttemptResult)>();
            // Locked as its other writers lock it (a PATCH's switch, a rotation): a failure count is not lost. Deleted
            // while the POSTs ran, its deliveries went with it: nothing is left to record.
            var subscription = await locks.LockAndLoadWebhookSubscriptionAsync(organizationId, subscriptionId, toDelete: false, ct);
            if (subscription is null) return failures;
            var ids = attempts.Select(a => a.Claim.DeliveryId).ToList();
            var deliveries = ids.Count == 0 ? [] : await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            foreach (var (claim, result) in attempts)
            {
                // Redelivered or taken over meanwhile: this attempt is not the one that counts.
                var delivery = deliveries.FirstOrDefault(d => d.Id == claim.DeliveryId);
                if (delivery is null || !delivery.IsLeasedBy(claim.LeaseId)) continue;
                db.WebhookDeliveryAttempts.Add(delivery.RecordAttempt(
                    result.Outcome, result.Status, result.Excerpt, result.Error, result.Duration, now, _options.Retry, Random.Shared.NextDouble()));
                if (result.Outcome == AttemptOutcome.Succeeded) subscription.RecordSuccess();
                else
                {
                    failures.Add((claim, result));
                    if (subscription.RecordFailure(now, _options.DisableAfter)) Disabled(subscription.Id, subscription.Url);
                }
            }
            if (handBack.Count > 0)
            {
                var back = handBack.Select(c => c.DeliveryId).ToList();
                var leases = handBack.Select(c => (Guid?)c.LeaseId).ToList();
                await db.WebhookDeliveries
                    .Where(d => back.Contains(d.Id) && leases.Contains(d.LeaseId))
                    .ExecuteUpdateAsync(set => set.SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.LeaseId, (Guid?)null), ct);
            }
            return failures;
        }, _ => true, CancellationToken.None);
        foreach (var (claim, result) in failed) AttemptFailed(claim.DeliveryId, claim.Url, result.Outcome, result.Status);
        var recordedAt = _clock.GetUtcNow();
        foreach (var (claim, result) in attempts)
        {
            var outcome = new KeyValuePair<string, object?>(AppTelemetry.Tags.Outcome, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Outcome.ToString()));
            AppTelemetry.WebhookDeliveries.Add(1, outcome);
            if (result.Outcome == AttemptOutcome.Succeeded) AppTelemetry.WebhookDeliveryLag.Record((recordedAt - claim.OccurredAt).TotalSeconds);
        }
    }

    /// <summary>Resolves the host at connection time and refuses non-public addresses, so a name cannot be pointed inside later (DNS rebinding).</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await AddressRules.ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        if (addresses.Length == 0) throw new HttpRequestException($"{context.DnsEndPoint.Host} does not resolve.");
        if (!_options.AllowPrivateAddresses && !addresses.All(AddressRules.IsPublic))
            throw new AddressRefusedException($"{context.DnsEndPoint.Host} resolves to a non-public address; deliveries may not go there.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to {Url} failed: {Outcome} {Status}")]
    private partial void AttemptFailed(Guid deliveryId, string url, AttemptOutcome outcome, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} ({Url}) disabled: its deliveries failed for too long")]
    private partial void Disabled(Guid subscriptionId, string url);

    private sealed record Claim(
        Guid DeliveryId, Guid OrganizationId, Guid LeaseId, Guid SubscriptionId, string Url, string Secret, string? PreviousSecret,
        Guid EventId, string EventType, DateTimeOffset OccurredAt, string Data, long EventPosition);

    private sealed record AttemptResult(AttemptOutcome Outcome, int? Status, string? Excerpt, string? Error, TimeSpan Duration);
}

internal sealed class AddressRefusedException(string message) : IOException(message);
