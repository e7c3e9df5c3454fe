using System.Text.Json.Serialization;
using Chatbot.BotFramework.Schema;
using Chatbot.Core.Conversation;

namespace Chatbot.Functions.Escalations;

/// <summary>A patient handed to staff: why, what was said (masked), and how to write back.</summary>
public sealed record EscalationRecord(
    string Id,
    string Reason,
    string Status,
    DateTimeOffset CreatedAt,
    string Language,
    string Topic,
    string? Procedure,
    IReadOnlyList<TranscriptLine> Transcript,
    ConversationReference Conversation,
    IReadOnlyList<StaffAction> History)
{
    /// <summary>The call-back number or e-mail the patient gave: here only, never in notices or logs.</summary>
    public string? Contact { get; init; }
}

/// <summary>What the Connector needs to write into the patient's conversation later.</summary>
public sealed record ConversationReference(string? ServiceUrl, string? ChannelId, string ConversationId, ChannelAccount? Bot, ChannelAccount? User, string? Locale)
{
    /// <summary>Where a conversation's state is kept: its channel and id (ids may repeat across channels).</summary>
    public string Key => KeyOf(ChannelId, ConversationId);

    public static string KeyOf(string? channelId, string? conversationId) => $"{channelId}:{conversationId}";

    public static ConversationReference Of(Activity activity) => new(
        activity.ServiceUrl, activity.ChannelId, activity.Conversation?.Id ?? "", activity.Recipient,
        activity.From is { } user ? new ChannelAccount(user.Id) { Role = user.Role } : null, activity.Locale);
}

/// <summary>What a turn changes in the escalations, committed with the conversation state.</summary>
public abstract record EscalationWrite;

/// <summary>A new escalation, with its notifications.</summary>
public sealed record EscalationOpened(EscalationRecord Record) : EscalationWrite;

/// <summary>During a handoff: the patient's (masked) message, added to the escalation and notified.</summary>
public sealed record MessageRelayed(string EscalationId, TranscriptLine Line, DateTimeOffset At) : EscalationWrite;

/// <summary>The patient gave a phone number or e-mail to be called back.</summary>
public sealed record ContactGiven(string EscalationId, string Contact, DateTimeOffset At) : EscalationWrite;

/// <summary>One line of the audit trail: who did what, when.</summary>
public sealed record StaffAction(DateTimeOffset At, string Who, string Action, string? Note = null);

public static class EscalationStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}

/// <summary>What a notification channel receives: never the raw patient text or contact details.</summary>
public sealed record EscalationNotice(
    string EscalationId, string Reason, string Language, string Topic, string? Procedure,
    string Summary, string ConsoleUrl, DateTimeOffset CreatedAt, string IdempotencyKey);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EscalationRecord))]
[JsonSerializable(typeof(EscalationNotice))]
[JsonSerializable(typeof(IReadOnlyList<EscalationRecord>))]
public sealed partial class EscalationJson : JsonSerializerContext;
