using Chatbot.BotFramework.Schema;
using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;

namespace Chatbot.Functions.Escalations;

/// <summary>Opens escalation records from turns, and writes the notices staff receive about them.</summary>
public static class Notices
{
    /// <summary>A new open escalation for a turn whose result created one.</summary>
    public static EscalationRecord Open(
        Activity activity, TurnResult result, ConversationState state, DateTimeOffset now) =>
        EscalationRecord.Open(result.Escalation?.Id ?? EscalationRecord.NewId(), result.Escalation!.Reason, result.Language,
            result.Topic, result.Procedure, state.Transcript, ConversationReferences.Of(activity), now);

    /// <summary>
    /// Why, in which language, for which procedure, since when, and where to read it: never the patient's
    /// words, even masked. A notice goes to a chat tool outside the health record; the console, behind
    /// sign-in, shows the masked transcript.
    /// </summary>
    public static EscalationNotice For(EscalationRecord record, string consoleUrl, string channel)
    {
        var summary = $"{Reason(record.Reason)} — langue {record.Language.ToUpperInvariant()} — " +
            $"demande du {record.CreatedAt:yyyy-MM-dd HH:mm} UTC. La conversation (masquée) est dans la console.";
        return new EscalationNotice(
            record.Id, record.Reason, record.Language, record.Topic, record.Procedure, summary,
            $"{consoleUrl.TrimEnd('/')}#{record.Id}", record.CreatedAt, $"{record.Id}:{channel}");
    }

    /// <summary>The reason in the staff's words (French, the console's language).</summary>
    private static string Reason(string reason) => reason switch
    {
        EscalationReasons.Emergency => "URGENCE",
        EscalationReasons.HumanRequested => "Demande à parler à quelqu'un",
        EscalationReasons.MedicalAdvice => "Question médicale personnelle",
        EscalationReasons.Unanswered => "Question sans réponse dans nos documents",
        EscalationReasons.LowConfidence => "L'assistant n'a pas compris",
        _ => "Demande",
    };

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
