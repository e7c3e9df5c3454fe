using Chatbot.Core.Conversation;

namespace Chatbot.Core.Escalation;

/// <summary>
/// A patient handed to staff: why, what was said (masked), how to write back, and who did what.
/// Its changes are made here only, each returning the changed record with its audit line, so both
/// stores persist the same transitions and refuse the same illegal ones.
/// </summary>
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
    /// <summary>The longest staff reply kept in the audit trail; the patient gets it whole.</summary>
    private const int AuditedReplyLength = 200;

    /// <summary>The call-back number or e-mail the patient gave: here only, never in notices or logs.</summary>
    public string? Contact { get; init; }

    /// <summary>A new open escalation, created by the bot in a patient's turn.</summary>
    /// <summary>The id a turn's new escalation gets: chosen before the turn, so the state can remember it.</summary>
    public static string NewId() => "esc-" + Guid.NewGuid().ToString("N")[..12];

    public static EscalationRecord Open(
        string id, string reason, string language, string topic, string? procedure, IReadOnlyList<TranscriptLine> transcript,
        ConversationReference conversation, DateTimeOffset at) => new(
        id, reason, EscalationStatus.Open, at, language, topic, procedure,
        transcript, conversation, [new StaffAction(at, "bot", EscalationActions.Created, reason)]);

    public EscalationRecord Acknowledge(string who, DateTimeOffset at) =>
        Apply(new StaffAction(at, who, EscalationActions.Acknowledged));

    /// <summary>Staff wrote into the patient's chat: the case is theirs (acknowledged).</summary>
    public EscalationRecord Reply(string who, string text, DateTimeOffset at) =>
        Apply(new StaffAction(at, who, EscalationActions.Replied, Shorten(text)));

    public EscalationRecord Resolve(string who, DateTimeOffset at) =>
        Apply(new StaffAction(at, who, EscalationActions.Resolved));

    /// <summary>The patient's (masked) message during a handoff or after an emergency.</summary>
    public EscalationRecord AddMessage(TranscriptLine line, DateTimeOffset at) =>
        Apply(new StaffAction(at, "patient", EscalationActions.Message)) with { Transcript = [.. Transcript, line] };

    /// <summary>The patient gave a phone number or e-mail to be called back.</summary>
    public EscalationRecord GiveContact(string contact, DateTimeOffset at) =>
        Apply(new StaffAction(at, "patient", EscalationActions.CallbackRequested)) with { Contact = contact };

    /// <summary>
    /// The patient asked to be forgotten: their messages, contact and the staff replies' text go; the
    /// request closes, but an emergency stays open, without them, so that staff can still act.
    /// </summary>
    public EscalationRecord ForgetPatient(DateTimeOffset at)
    {
        var asked = Apply(new StaffAction(at, "patient", EscalationActions.ErasureRequested));
        var history = asked.History.Select(a => a.Action == EscalationActions.Created ? a : a with { Note = null });
        var forgotten = asked with { Transcript = [], Contact = null, History = [.. history] };
        return Reason == EscalationReasons.Emergency || Status == EscalationStatus.Resolved
            ? forgotten
            : forgotten.Apply(new StaffAction(at, "patient", EscalationActions.Resolved));
    }

    /// <summary>The one place where an action is checked against the status and the status moved.</summary>
    private EscalationRecord Apply(StaffAction action)
    {
        var next = EscalationStatus.After(Status, action.Action)
            ?? throw new EscalationTransitionRefused(Id, Status, action.Action);
        return this with { Status = next, History = [.. History, action] };
    }

    private static string Shorten(string text) =>
        text.Length <= AuditedReplyLength ? text : text[..(AuditedReplyLength - 1)] + "…";
}

/// <summary>One line of the audit trail: who did what, when.</summary>
public sealed record StaffAction(DateTimeOffset At, string Who, string Action, string? Note = null);

/// <summary>What a channel needs to write into the patient's conversation later.</summary>
public sealed record ConversationReference(
    string? ServiceUrl, string? ChannelId, string ConversationId, Participant? Bot, Participant? User, string? Locale)
{
    /// <summary>Where a conversation's state is kept: its channel and id (ids may repeat across channels).</summary>
    public string Key => KeyOf(ChannelId, ConversationId);

    public static string KeyOf(string? channelId, string? conversationId) => $"{channelId}:{conversationId}";
}

/// <summary>The bot or the patient in a channel, as the channel names them.</summary>
public sealed record Participant(string? Id, string? Name = null)
{
    public string? Role { get; init; }

    public string? AadObjectId { get; init; }
}

/// <summary>A staff action the escalation's status does not allow (acknowledging a resolved case): a 409.</summary>
public sealed class EscalationTransitionRefused(string id, string status, string action)
    : InvalidOperationException($"escalation {id} is {status}: it cannot be {action}")
{
    public string Status { get; } = status;
}
