using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation;

/// <summary>
/// One message as the policies see it: the state before it, the state it starts from (the turn counted,
/// the procedure and language heard, one-turn expectations consumed), and what was understood.
/// </summary>
/// <param name="Topic">The topic understood, or the one still asked about ("et pour une ostéosynthèse ?").</param>
/// <param name="Kind">What kind of topic it is; null when unknown.</param>
/// <param name="NewEscalationId">The id a new escalation gets this turn; the host chooses it.</param>
public sealed record TurnContext(
    ConversationState Before, ConversationState State, string Text, Understanding.Understanding Heard,
    string Language, string Topic, double Confidence, TopicKind? Kind, string? NewEscalationId)
{
    /// <summary>Sure enough of the topic to act on it (see docs/decisions/001).</summary>
    public bool Understood => Confidence >= Assistant.MinConfidence;

    /// <summary>The question just asked again for another procedure ("et pour une ostéosynthèse ?").</summary>
    public bool AsksAgain { get; init; }

    /// <summary>Nothing but spaces, punctuation or symbols.</summary>
    public bool IsEmpty { get; init; }

    /// <summary>Still about an emergency or a crisis (until another question is answered).</summary>
    public bool AfterEmergency => Before.LastTopic is "emergency" or "crisis";

    /// <summary>
    /// The emergency or crisis the conversation is still under: the one just reported, or one reported
    /// earlier whose escalation staff have not resolved. Null when none.
    /// </summary>
    public string? Emergency => AfterEmergency ? Before.LastTopic : Before.ReportedEmergency;

    /// <summary>
    /// The words of the question answered: this message's, and the question's it answers or asks again
    /// ("the vertebral one" after "how long does it take?"), so its precision and personal factor still count.
    /// </summary>
    public IReadOnlyList<Token> Question { get; init; } = Heard.Tokens;
}

/// <summary>A policy's decision and the state to keep.</summary>
public sealed record Outcome(Decision Decision, ConversationState State);

/// <summary>One rule of the turn: decides, or passes to the next (returns null).</summary>
public interface ITurnPolicy
{
    Outcome? Decide(TurnContext turn);
}
