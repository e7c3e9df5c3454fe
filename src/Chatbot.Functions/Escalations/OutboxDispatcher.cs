using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatbot.Functions.State;
using Chatbot.Functions.Telemetry;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Escalations;

/// <summary>
/// Delivers due outbox entries to their channel; a failure is retried later with exponential
/// backoff, and dead-lettered after the configured attempts (still listed for staff). Entries
/// survive restarts: they live in the database, not in memory.
/// </summary>
public sealed partial class OutboxDispatcher(
    IEscalationStore store, IHttpClientFactory http, IOptions<NotificationOptions> options, IOptions<StateOptions> storage, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    public const string HttpClientName = "notifications";

    /// <summary>
    /// With Azure Storage the queue delivers each entry as it is stored; the sweep only picks up
    /// what the queue has not delivered a minute after it was due (an announcement that failed).
    /// </summary>
    public static readonly TimeSpan QueueGrace = TimeSpan.FromMinutes(1);

    /// <summary>One pass: every entry due now. Returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        var dueBy = time.GetUtcNow() - (storage.Value.UsesAzureStorage ? QueueGrace : TimeSpan.Zero);
        foreach (var entry in await store.OutboxAsync(OutboxStatus.Pending, dueBy, cancellationToken))
        {
            if (await DeliverAsync(entry, cancellationToken) == Delivery.Delivered) delivered++;
        }
        return delivered;
    }

    /// <summary>
    /// One attempt at one entry. A failure is recorded with the time of the next attempt, or
    /// dead-lettered after the configured attempts.
    /// </summary>
    public async Task<Delivery> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Status != OutboxStatus.Pending) return Delivery.AlreadyDone;
        using var span = ChatbotTelemetry.StartNotice(entry);
        var outcome = await AttemptAsync(entry, cancellationToken);
        ChatbotTelemetry.NoticeAttempted(span, entry, outcome);
        return outcome;
    }

    private async Task<Delivery> AttemptAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var attempts = entry.Attempts + 1;
        try
        {
            await SendAsync(entry, cancellationToken);
            await store.RecordDeliveryAsync(entry, OutboxStatus.Sent, attempts, time.GetUtcNow(), null, cancellationToken);
            return Delivery.Delivered;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var dead = attempts >= options.Value.MaxAttempts;
            var delay = TimeSpan.FromTicks(Math.Min(options.Value.MaxRetryDelay.Ticks, options.Value.FirstRetryDelay.Ticks << Math.Min(attempts - 1, 20)));
            await store.RecordDeliveryAsync(entry, dead ? OutboxStatus.Dead : OutboxStatus.Pending, attempts, time.GetUtcNow() + delay, e.Message, cancellationToken);
            if (dead) Log.DeadLettered(logger, entry.EscalationId, entry.Channel, attempts);
            else Log.Retrying(logger, entry.EscalationId, entry.Channel, attempts, delay);
            return dead ? Delivery.DeadLettered : Delivery.RetryLater;
        }
    }

    private async Task SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(HttpClientName);
        var (url, body) = entry.Channel switch
        {
            "webhook" => (options.Value.Webhook.Url!, JsonSerializer.Serialize(entry.Notice, EscalationJson.Default.EscalationNotice)),
            "teams" => (options.Value.Teams.WebhookUrl!, TeamsCard(entry.Notice)),
            _ => throw new HttpRequestException($"unknown channel {entry.Channel}"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Idempotency-Key", entry.Notice.IdempotencyKey);
        if (entry.Channel == "webhook" && options.Value.Webhook.Secret is { Length: > 0 } secret)
        {
            request.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        }
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A Teams message with an Adaptive Card: reason, language, procedure, masked summary, console link.</summary>
    private static string TeamsCard(EscalationNotice notice)
    {
        var facts = new JsonArray(
            Fact("Motif", notice.Reason), Fact("Langue", notice.Language), Fact("Sujet", notice.Topic), Fact("Intervention", notice.Procedure ?? "—"));
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["size"] = "Medium", ["weight"] = "Bolder", ["text"] = $"Patient à recontacter ({notice.Reason})", ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
                new JsonObject { ["type"] = "TextBlock", ["text"] = notice.Summary, ["wrap"] = true, ["isSubtle"] = true }),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Ouvrir la console", ["url"] = notice.ConsoleUrl }),
        };
        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        };
        return message.ToJsonString();
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Notification of {Escalation} to {Channel} failed (attempt {Attempts}); retry in {Delay}")]
        public static partial void Retrying(ILogger logger, string escalation, string channel, int attempts, TimeSpan delay);

        [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "Notification of {Escalation} to {Channel} dead-lettered after {Attempts} attempts: visible in the staff API")]
        public static partial void DeadLettered(ILogger logger, string escalation, string channel, int attempts);
    }
}

public enum Delivery
{
    Delivered,
    AlreadyDone,
    RetryLater,
    DeadLettered,
    Unreadable,
}
