using System.Text.Json.Serialization;
using Chatbot.Core.Knowledge;

namespace Chatbot.Core.Conversation;

/// <summary>What the bot decided to do with a message.</summary>
public static class Actions
{
    public const string Answer = "answer";
    public const string Clarify = "clarify";
    public const string Escalate = "escalate";
    public const string SmallTalk = "smalltalk";
    public const string Fallback = "fallback";
}

/// <summary>Why a person is needed. Values are part of the API.</summary>
public static class EscalationReasons
{
    public const string Emergency = "emergency";
    public const string HumanRequested = "human_requested";
    public const string MedicalAdvice = "medical_advice";
    public const string Unanswered = "unanswered";
    public const string LowConfidence = "low_confidence";
}

/// <summary>An escalation decided this turn: <c>created</c> at once, or <c>offered</c> to the patient.</summary>
public sealed record EscalationDecision(string Status, string Reason)
{
    /// <summary>The escalation's id, once the host has stored it.</summary>
    public string? Id { get; init; }

    /// <summary>A call-back number or e-mail: for the escalation record only, never in a reply or log.</summary>
    [JsonIgnore]
    public string? Contact { get; init; }

    /// <summary>The patient gave a way to be called back for escalation <paramref name="id"/>.</summary>
    public static EscalationDecision CallbackGiven(string id, string contact) => new("updated", EscalationReasons.HumanRequested) { Id = id, Contact = contact };

    public static EscalationDecision Created(string reason) => new("created", reason);

    public static EscalationDecision Offered(string reason) => new("offered", reason);

    /// <summary>The patient's message is added to the emergency escalation <paramref name="id"/> already open.</summary>
    public static EscalationDecision AddedToEmergency(string id) => new("relayed", EscalationReasons.Emergency) { Id = id };

    /// <summary>The message is passed to staff already handling the conversation.</summary>
    public static EscalationDecision Relayed(string id) => new("relayed", EscalationReasons.HumanRequested) { Id = id };
}

/// <summary>The result of a turn: the CLI's JSON line and the reply's <c>channelData.chatbot</c>.</summary>
public sealed record TurnResult(
    string Topic,
    double Confidence,
    string Language,
    string? Procedure,
    string Action,
    string Text,
    IReadOnlyList<Citation> Citations,
    EscalationDecision? Escalation,
    IReadOnlyList<string> SuggestedActions)
{
    /// <summary>The red-flag rule that fired, for staff and evaluation.</summary>
    public string? RedFlag { get; init; }
}

/// <summary>A turn: the result to show and the state to keep.</summary>
public sealed record Turn(TurnResult Result, ConversationState State);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(TurnResult))]
[JsonSerializable(typeof(ConversationState))]
public sealed partial class ChatbotJson : JsonSerializerContext;
