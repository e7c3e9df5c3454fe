using Chatbot.BotFramework.Schema;
using Chatbot.Core.Conversation;

namespace Chatbot.Functions.Escalations;

/// <summary>Opens escalation records from turns, and writes the notices staff receive about them.</summary>
public static class Notices
{
    private const int SummaryLength = 200;

    /// <summary>A new open escalation for a turn whose result created one.</summary>
    public static EscalationRecord Open(Activity activity, TurnResult result, ConversationState state, DateTimeOffset now) => new(
        Id: "esc-" + Guid.NewGuid().ToString("N")[..12],
        Reason: result.Escalation!.Reason,
        Status: EscalationStatus.Open,
        CreatedAt: now,
        Language: result.Language,
        Topic: result.Topic,
        Procedure: result.Procedure,
        Transcript: state.Transcript,
        Conversation: ConversationReference.Of(activity),
        History: [new StaffAction(now, "bot", "created", result.Escalation.Reason)]);

    /// <summary>The reason, language, procedure and the last patient line, already masked in the transcript.</summary>
    public static EscalationNotice For(EscalationRecord record, string consoleUrl, string channel)
    {
        var last = record.Transcript.LastOrDefault(l => l.From == "patient")?.Text ?? "";
        var summary = last.Length <= SummaryLength ? last : last[..(SummaryLength - 1)] + "…";
        return new EscalationNotice(
            record.Id, record.Reason, record.Language, record.Topic, record.Procedure, summary,
            $"{consoleUrl.TrimEnd('/')}#{record.Id}", record.CreatedAt, $"{record.Id}:{channel}");
    }

    /// <summary>
    /// One pending outbox entry per configured channel. <paramref name="suffix"/> tells notices about
    /// one escalation apart (a patient's later message), so a receiver can de-duplicate on the key.
    /// </summary>
    public static IEnumerable<OutboxEntry> Outbox(EscalationRecord record, string suffix, NotificationOptions options, DateTimeOffset now) =>
        options.Channels().Select(channel =>
        {
            var notice = For(record, options.ConsoleUrl, channel);
            notice = notice with { IdempotencyKey = notice.IdempotencyKey + suffix };
            return new OutboxEntry(notice.IdempotencyKey, record.Id, channel, notice, OutboxStatus.Pending, 0, now, null);
        });

    /// <summary>The suffix of the notices about a patient's message during a handoff.</summary>
    public static string MessageSuffix(EscalationRecord record) => $":message-{record.History.Count}";
}
