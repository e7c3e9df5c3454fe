using System.Text.Json.Serialization;

namespace Chatbot.Core.Dashboard;

/// <summary>What a turn came to, as the dashboard counts it. Values are stored and part of the staff API.</summary>
public static class ActivityOutcomes
{
    public const string Answer = "answer";
    public const string Clarification = "clarification";
    public const string NotInDocuments = "not_in_documents";
    public const string NotUnderstood = "not_understood";
    public const string Emergency = "emergency";

    /// <summary>A request for a person, a medical decision, a message relayed to staff, a call-back noted.</summary>
    public const string Staff = "staff";

    /// <summary>Small talk and the patient's own commands (help, forget me…).</summary>
    public const string Other = "other";

    /// <summary>Not a turn: staff took an escalation (acknowledged it, or replied first).</summary>
    public const string Acknowledged = "acknowledged";
}

/// <summary>
/// One anonymous row of the activity dashboard: what a turn came to, or how long an escalation waited for
/// staff. No text, no name, no conversation id: <paramref name="Conversation"/> is a keyed hash salted with
/// the week, enough to count distinct conversations in a day or a week and no more.
/// </summary>
/// <param name="At">The turn's time; for <see cref="ActivityOutcomes.Acknowledged"/>, the escalation's creation.</param>
/// <param name="Escalated">The reason of the escalation the turn opened (<c>EscalationReasons</c>), if it opened one.</param>
/// <param name="WaitSeconds">For <see cref="ActivityOutcomes.Acknowledged"/>: from the escalation to staff taking it.</param>
public sealed record ActivityRow(
    DateTimeOffset At,
    string Outcome,
    string? Conversation,
    string Topic,
    string? Procedure,
    string Language,
    string? Escalated = null,
    double? WaitSeconds = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ActivityRow))]
[JsonSerializable(typeof(ActivityReport))]
public sealed partial class ActivityJson : JsonSerializerContext;
