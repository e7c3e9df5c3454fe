using System.Text.Json.Serialization;

namespace Chatbot.Core.Conversation;

/// <summary>Why a person is needed. Values are part of the API.</summary>
public static class EscalationReasons
{
    public const string Emergency = "emergency";
    public const string HumanRequested = "human_requested";
    public const string MedicalAdvice = "medical_advice";
    public const string Unanswered = "unanswered";
    public const string LowConfidence = "low_confidence";
}

/// <summary>
/// What a turn does to escalations; the host persists each kind by its type. Serialised in
/// <c>channelData.chatbot.escalation</c> as <c>status</c>, <c>reason</c> and <c>id</c>.
/// </summary>
public abstract record EscalationDecision(string Reason)
{
    /// <summary>created, offered, relayed or updated: part of the API.</summary>
    public abstract string Status { get; }

    /// <summary>The escalation concerned; null for an offer, or when no host gave an id (the CLI).</summary>
    public string? Id { get; init; }
}

/// <summary>A new escalation, opened at once.</summary>
public sealed record EscalationCreated(string Reason) : EscalationDecision(Reason)
{
    public override string Status => "created";
}

/// <summary>Offered to the patient; a "yes" next creates it.</summary>
public sealed record EscalationOffered(string Reason) : EscalationDecision(Reason)
{
    public override string Status => "offered";
}

/// <summary>The patient's message, masked, added to escalation <see cref="EscalationDecision.Id"/>.</summary>
public sealed record AddedToEscalation(string Reason, TranscriptLine Line) : EscalationDecision(Reason)
{
    public override string Status => "relayed";
}

/// <summary>A call-back number or e-mail for the escalation: for its record only, never in a reply or log.</summary>
public sealed record CallbackGiven([property: JsonIgnore] string Contact)
    : EscalationDecision(EscalationReasons.HumanRequested)
{
    public override string Status => "updated";
}

/// <summary>
/// The patient asked to be forgotten: escalation <see cref="EscalationDecision.Id"/> loses its transcript and
/// contact, and closes (an emergency stays open for staff). Staff see that the patient asked.
/// </summary>
public sealed record ErasureAsked() : EscalationDecision(Reason: "erasure_requested")
{
    public override string Status => "erased";
}
