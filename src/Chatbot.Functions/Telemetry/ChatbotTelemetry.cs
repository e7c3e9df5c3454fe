using System.Diagnostics;
using System.Diagnostics.Metrics;
using Chatbot.Core.Conversation;
using Chatbot.Functions.Escalations;

namespace Chatbot.Functions.Telemetry;

/// <summary>
/// Our spans and metrics: one span per turn, one per notice delivery; counts of turns, escalations
/// and deliveries; the time staff take to acknowledge. Only the engine's labels are attached
/// (language, topic, procedure, action, reason), never what the patient wrote or who they are.
/// Without a listener (telemetry off) a span is not even created and a count costs a null check.
/// </summary>
public static class ChatbotTelemetry
{
    public const string Name = "Chatbot";
    public const string TurnSpan = "chatbot.turn";
    public const string NoticeSpan = "chatbot.notice";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>(
        "chatbot.turns", "{turn}", "Turns answered, by action and topic");

    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>(
        "chatbot.escalations", "{escalation}", "Escalations opened, by reason");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "chatbot.notice.deliveries", "{delivery}", "Notice delivery attempts, by channel and outcome");

    // From seconds to a day: an emergency should be taken within minutes, a call-back within the day.
    private static readonly Histogram<double> TimeToAcknowledge = Meter.CreateHistogram(
        "chatbot.escalation.time_to_acknowledge", "s", "From an escalation's creation to staff acknowledging it",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400] });

    /// <summary>The span of one patient message, tagged with the conversation's pseudonym only.</summary>
    public static Activity? StartTurn(Pseudonyms pseudonyms, string conversationKey)
    {
        var span = Source.StartActivity(TurnSpan);
        span?.SetTag("chatbot.conversation", pseudonyms.Of(conversationKey));
        return span;
    }

    /// <summary>Tags the current turn span with the engine's decision and counts it.</summary>
    public static void TurnCompleted(TurnResult result, string? openedReason)
    {
        if (Activity.Current is { } span && span.Source == Source && span.OperationName == TurnSpan)
        {
            span.SetTag("chatbot.language", result.Language);
            span.SetTag("chatbot.topic", result.Topic);
            span.SetTag("chatbot.confidence", Math.Round(result.Confidence, 3));
            span.SetTag("chatbot.procedure", result.Procedure);
            span.SetTag("chatbot.action", result.Action);
            span.SetTag("chatbot.escalation.status", result.Escalation?.Status);
            span.SetTag("chatbot.escalation.reason", result.Escalation?.Reason);
        }
        if (Turns.Enabled)
            Turns.Add(1, new("chatbot.action", result.Action), new("chatbot.topic", result.Topic));
        if (openedReason is not null && Escalations.Enabled)
            Escalations.Add(1, new KeyValuePair<string, object?>("chatbot.escalation.reason", openedReason));
    }

    /// <summary>A turn that could not finish (storage unreachable): the error's type, never its message.</summary>
    public static void TurnFailed(Activity? span, Exception error) =>
        span?.SetStatus(ActivityStatusCode.Error).SetTag("error.type", error.GetType().FullName);

    public static Activity? StartNotice(OutboxEntry entry) => Source.StartActivity(NoticeSpan)?
        .SetTag("chatbot.notice.channel", entry.Channel)
        .SetTag("chatbot.escalation.reason", entry.Notice.Reason)
        .SetTag("chatbot.notice.attempt", entry.Attempts + 1);

    public static void NoticeAttempted(Activity? span, OutboxEntry entry, Delivery outcome)
    {
        var name = outcome switch
        {
            Delivery.Delivered => "delivered",
            Delivery.RetryLater => "retry_later",
            Delivery.DeadLettered => "dead_lettered",
            _ => "skipped",
        };
        span?.SetTag("chatbot.notice.outcome", name);
        if (outcome is Delivery.RetryLater or Delivery.DeadLettered) span?.SetStatus(ActivityStatusCode.Error);
        if (Deliveries.Enabled)
            Deliveries.Add(1, new("chatbot.notice.channel", entry.Channel), new("chatbot.notice.outcome", name));
    }

    /// <summary>Recorded once per escalation: when staff first take it (acknowledge, or reply).</summary>
    public static void Acknowledged(string reason, TimeSpan waited) =>
        TimeToAcknowledge.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("chatbot.escalation.reason", reason));
}
