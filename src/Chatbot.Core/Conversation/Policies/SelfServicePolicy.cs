using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation.Policies;

/// <summary>
/// The patient's own commands: help, "what do you know about me", "forget me" (asked to confirm, then the
/// conversation erased), "start over". After the red flags, so an emergency's guidance always comes first;
/// before the handoff, so a patient can still be forgotten while staff are answering.
/// </summary>
public sealed class SelfServicePolicy(PatientCommands commands) : ITurnPolicy
{
    private const string Topic = "self_service";

    public Outcome? Decide(TurnContext turn)
    {
        if (turn.Before.ForgetMeAsked && Confirmation(turn) is { } answered) return answered;
        if (commands.In(turn.Heard.Tokens, turn.Language) is not { } command) return null;
        // "Help!" while an emergency is open is about the emergency.
        if (command == SelfServiceCommands.Help && turn.Emergency is not null) return RedFlagsFirst.GuidanceAgain(turn);
        var state = command switch
        {
            SelfServiceCommands.ForgetMe => turn.State with { ForgetMeAsked = true },
            SelfServiceCommands.StartOver => turn.State.FreshContext(),
            _ => turn.State,
        };
        return new(Said(command, turn), state);
    }

    /// <summary>
    /// Yes erases; no keeps, and so does a bare "merci" or goodbye, said so, lest the patient leave thinking
    /// the conversation erased. Anything else drops the question and is read as usual.
    /// </summary>
    private static Outcome? Confirmation(TurnContext turn)
    {
        if (turn.Heard.IsYes && !turn.Heard.IsNo)
        {
            // Nothing of the conversation is kept but its language, for this reply and the next ones.
            var forgotten = ConversationState.New with
            {
                Language = turn.State.Language, LastMessageAt = turn.State.LastMessageAt,
            };
            var said = Said(SelfServiceCommands.Forgotten, turn) with { ErasedRequest = turn.Before.OpenEscalation };
            return new(said, forgotten);
        }
        return turn.Heard.IsNo || turn.Heard.IsClosing
            ? new(Said(SelfServiceCommands.KeptAfterAll, turn), turn.State) : null;
    }

    private static SelfService Said(string command, TurnContext turn) =>
        new(command) { Topic = Topic };
}
