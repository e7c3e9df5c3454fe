using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation.Policies;

/// <summary>
/// Red flags and crisis first, whatever the language: an emergency typed in Spanish still gets the numbers.
/// After one, "it's getting worse", "it's better now" or "can't we wait until tomorrow?" is about it, never a
/// brochure question, however many questions came between, until staff resolve it. Safety first: no time limit.
/// </summary>
public sealed class RedFlagsFirst(Understander understander) : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn)
    {
        if (turn.Heard.RedFlag is { } flag) return Alert(turn, flag.IsCrisis, flag.Id);
        return turn.Emergency is not null && understander.SaysWorse(turn.Heard) ? GuidanceAgain(turn) : null;
    }

    /// <summary>The emergency or crisis guidance; added to the emergency already open, if any.</summary>
    public static Outcome Alert(TurnContext turn, bool crisis, string? redFlag, bool again = false)
    {
        var topic = crisis ? "crisis" : "emergency";
        var open = turn.Emergency is not null ? turn.Before.OpenEscalation : null;
        var decision = new Emergency(crisis, redFlag, open, again) { Topic = topic };
        return new(decision, turn.State with { PendingTopic = null, FallbackCount = 0, LastTopic = topic });
    }

    /// <summary>The same guidance as the emergency or crisis just before, and that waiting is not advised.</summary>
    public static Outcome GuidanceAgain(TurnContext turn) =>
        Alert(turn, turn.Emergency == "crisis", redFlag: null, again: true);
}

/// <summary>A symptom the rules did not catch but the classifier recognised: the guidance all the same.</summary>
public sealed class EmergencyByTopic : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) => turn.Understood && turn.Kind is TopicKind.Emergency or TopicKind.Crisis
        ? RedFlagsFirst.Alert(turn, turn.Kind == TopicKind.Crisis, redFlag: null)
        : null;
}
