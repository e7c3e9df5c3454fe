using System.Globalization;
using Chatbot.Core.Conversation;

namespace Chatbot.Core.Dashboard;

/// <summary>What the dashboard keeps of a turn and of staff taking an escalation: one rule for every store.</summary>
public static class ActivityRules
{
    /// <summary>The row of a saved turn; <paramref name="conversation"/> is already the keyed hash.</summary>
    /// <param name="opened">The reason of the escalation this turn stored, if it opened one.</param>
    public static ActivityRow OfTurn(Turn turn, string conversation, string? opened, DateTimeOffset at) =>
        new(at, OutcomeOf(turn.Decision), conversation, turn.Result.Topic, turn.Result.Procedure,
            turn.Result.Language, opened);

    /// <summary>Staff first took an escalation (acknowledged it, or replied): a row dated by its creation.</summary>
    public static ActivityRow Acknowledged(string reason, string language, DateTimeOffset created, DateTimeOffset taken) =>
        new(created, ActivityOutcomes.Acknowledged, null, "", null, language, reason,
            Math.Max(0, (taken - created).TotalSeconds));

    public static string OutcomeOf(Decision decision) => decision switch
    {
        Answer => ActivityOutcomes.Answer,
        Clarify => ActivityOutcomes.Clarification,
        NotInTheDocuments => ActivityOutcomes.NotInDocuments,
        Fallback => ActivityOutcomes.NotUnderstood,
        Emergency => ActivityOutcomes.Emergency,
        Escalate or RelayToStaff or CallbackNoted => ActivityOutcomes.Staff,
        _ => ActivityOutcomes.Other,
    };

    /// <summary>
    /// What the conversation id is hashed with: its week in the hospital's time zone, so a conversation is
    /// one within a day and a week, and its rows cannot be followed from one week to the next.
    /// </summary>
    public static string ConversationSalt(DateTimeOffset at, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }
}
