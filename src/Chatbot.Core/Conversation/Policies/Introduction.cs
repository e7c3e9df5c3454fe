using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation.Policies;

/// <summary>
/// "Buongiorno, sono la nipote, scrivo per la nonna Carmela che non sa usare il telefono", "Hello, I'm writing
/// from Toronto": who writes, nothing asked yet. Greeted and the question invited — not a request for staff
/// opened because the classifier leaned to "human", nor an answer to a question nobody asked. With a
/// procedure named, <see cref="ProcedureNoted"/> notes it.
/// </summary>
public sealed class Introduction(SituationDetector situation) : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) =>
        turn.Heard.Procedures.Count == 0 && turn.Heard.Tokens.Count <= ProcedureNoted.Telling
        && situation.Introduces(turn.Heard.Tokens, turn.Language)
        && situation.OnlyTells(turn.Text, turn.Heard.Tokens, turn.Language)
        && !situation.HasPersonalFactor(turn.Heard.Tokens, turn.Language)
            ? new(Greeting.Of(turn) with { Confidence = turn.Confidence }, turn.State with { FallbackCount = 0 })
            : null;
}
