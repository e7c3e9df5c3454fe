using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation;

/// <summary>
/// When quotes are not enough, the answer stays and the team is offered (a "yes" then reaches staff):
/// the documents cannot settle the patient's own situation, they do not give the precise point asked,
/// the patient tells a fear, or has just had this very reply. A plain question gets a plain answer.
/// </summary>
public sealed class TeamOffers(SituationDetector situation)
{
    private static readonly HashSet<string> OwnDayTopics = ["hospital_stay", "preparation", "fasting"];

    /// <summary>Quotes that cannot settle this patient's case (medical_advice) or the point asked.</summary>
    public TeamOffer? WithinTheDocumentsLimits(Answer answer, TurnContext turn)
    {
        if (ForThePatientsSituation(turn) is { } own) return own;
        // The patient's day (stay, preparation, fasting) told only by the general article, not by the document on
        // the patient's procedure: each hospital and procedure sets its own; the team, who knows, offered.
        if (turn.State.Procedures.Count == 1 && OwnDayTopics.Contains(turn.Topic)
            && answer.Passages.All(p => p.FromGeneralSource))
        {
            return new(EscalationReasons.Unanswered);
        }
        if (situation.TellsAWorry(turn.Question, turn.Language))
        {
            return new(EscalationReasons.MedicalAdvice, ReplyKeys.Worry);
        }
        var quotes = answer.Passages.SelectMany(p => p.Snippets).Select(s => s.Text).ToList();
        return situation.LeavesAPrecisionOpen(turn.Question, turn.Language, quotes)
            ? new(EscalationReasons.Unanswered, ReplyKeys.PrecisionGap)
            : null;
    }

    /// <summary>A medicine, an illness, great age…: no quote settles the patient's own case; null without one.</summary>
    public TeamOffer? ForThePatientsSituation(TurnContext turn) =>
        situation.HasPersonalFactor(turn.Question, turn.Language)
            ? new(EscalationReasons.MedicalAdvice, ReplyKeys.PersonalSituation)
            : null;

    /// <summary>
    /// The very reply the patient has just had, word for word (the same clarification, the same quotes, the
    /// same "I did not understand"): it helped no more the first time. Greetings and emergencies may repeat.
    /// </summary>
    public static TeamOffer? AfterARepeat(ConversationState before, Turn turn)
    {
        var reply = turn.Result;
        var repeats = reply.Escalation is null && reply.Topic != "greeting"
            && reply.Action is Actions.Answer or Actions.Clarify or Actions.Fallback or Actions.SmallTalk
            && before.Transcript.LastOrDefault(l => l.From == "bot")?.Text == Transcripts.BotLine(reply);
        if (!repeats) return null;
        return new(reply.Action == Actions.Answer ? EscalationReasons.Unanswered : EscalationReasons.LowConfidence);
    }
}
