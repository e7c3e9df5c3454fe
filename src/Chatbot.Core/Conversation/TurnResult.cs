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

/// <summary>A turn: the result to show, the state to keep, and the decision both came from.</summary>
public sealed record Turn(TurnResult Result, ConversationState State, Decision Decision);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(TurnResult))]
[JsonSerializable(typeof(ConversationState))]
public sealed partial class ChatbotJson : JsonSerializerContext;
