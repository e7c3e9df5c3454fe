using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation;

/// <summary>
/// When quotes are not enough, the answer stays and the team is offered (a "yes" then reaches staff):
/// the documents cannot settle the patient's own situation, they do not give the precise point asked,
/// or the patient has just had this very reply. A plain question gets a plain answer.
/// </summary>
public sealed class TeamOffers(Composer say, SituationDetector situation)
{
    /// <summary>Quotes that cannot settle this patient's case (medical_advice) or the precision asked (unanswered).</summary>
    public Turn WithinTheDocumentsLimits(Turn turn, IReadOnlyList<Token> question)
    {
        var reply = turn.Result;
        if (reply.Action != Actions.Answer || reply.Citations.Count == 0 || reply.Escalation is not null) return turn;
        if (situation.HasPersonalFactor(question, reply.Language))
        {
            return Offered(turn, EscalationReasons.MedicalAdvice, ReplyKeys.PersonalSituation);
        }
        return situation.LeavesAPrecisionOpen(question, reply.Language, [.. reply.Citations.Select(c => c.Quote)])
            ? Offered(turn, EscalationReasons.Unanswered, ReplyKeys.PrecisionGap)
            : turn;
    }

    /// <summary>
    /// The very reply the patient has just had, word for word (the same clarification, the same quotes, the
    /// same "I did not understand"): it helped no more the first time. Greetings and emergencies may repeat.
    /// </summary>
    public Turn AfterARepeat(ConversationState before, Turn turn)
    {
        var reply = turn.Result;
        var repeats = reply.Escalation is null && reply.Topic != "greeting"
            && reply.Action is Actions.Answer or Actions.Clarify or Actions.Fallback or Actions.SmallTalk
            && before.Transcript.LastOrDefault(l => l.From == "bot")?.Text == Transcripts.BotLine(reply);
        if (!repeats) return turn;
        return Offered(turn, reply.Action == Actions.Answer ? EscalationReasons.Unanswered : EscalationReasons.LowConfidence, null);
    }

    /// <summary>The same reply, one plain sentence on why when there is one, and the offer; its buttons kept.</summary>
    private Turn Offered(Turn turn, string reason, string? because)
    {
        var reply = turn.Result;
        var why = because is null ? "" : say.Say(reply.Language, because) + " ";
        var offered = reply with
        {
            Text = reply.Text + "\n\n" + why + say.Say(reply.Language, ReplyKeys.OfferStaff),
            Escalation = EscalationDecision.Offered(reason),
            SuggestedActions = [.. reply.SuggestedActions, .. say.YesNo(reply.Language)],
        };
        return new Turn(offered, turn.State with { OfferedEscalation = reason });
    }
}
