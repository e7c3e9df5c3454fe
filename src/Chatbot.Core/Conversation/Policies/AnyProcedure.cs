using Chatbot.Core.Content;
using Chatbot.Core.Knowledge;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation.Policies;

/// <summary>
/// "Just in general, the doctor hasn't said which one yet", "non lo so ancora": asked which procedure, the
/// patient cannot say. Asking again went round in circles ("in generale" was even read as general
/// anaesthesia). Where the general article speaks of the question, it answers, said to be general, and
/// the team is offered: what applies depends on the procedure. Elsewhere (risks differ by procedure), the
/// question is asked again with the team offered, as before.
/// </summary>
public sealed class AnyProcedure(ChatContent content, SnippetIndex index, SituationDetector situation) : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn)
    {
        // "I don't know, the doctor just said cement in the bone": the family's word alone chooses none.
        if (turn.Before.PendingTopic is not { } topic || turn.Heard.Procedures.Count == 1
            || turn.Heard.NamedProcedures.Count > 0
            || !situation.LeavesTheProcedureOpen(turn.Heard.Tokens, turn.Language))
        {
            return null;
        }
        IReadOnlyList<string> candidates = turn.Before.Procedures.Count > 1
            ? turn.Before.Procedures : [.. content.Procedures.Select(p => p.Id)];
        if (index.General(topic, candidates, index.Ask(turn.Question, turn.Language)) is not { } general) return null;
        var answer = new Answer([general])
        { Topic = topic, Confidence = 1, Offer = new(EscalationReasons.LowConfidence) };
        return new(answer, turn.State with { LastTopic = topic, PendingTopic = null, FallbackCount = 0 });
    }
}
