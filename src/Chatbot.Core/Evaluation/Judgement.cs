using Chatbot.Core.Content;
using Chatbot.Core.Conversation;

namespace Chatbot.Core.Evaluation;

/// <summary>
/// Did the bot judge what the patient needed: a plain answer, an answer and the team, a question back,
/// a person, the emergency guidance? Measured on turns labelled with a decision (tests/eval/situations-*).
/// </summary>
public static class Judgement
{
    public const double TargetDecisionAccuracy = 0.95;
    public const double MaxFalseOffers = 0.05;
    public const double TargetPassageAccuracy = 0.95;

    /// <summary>The decision as the labels name it.</summary>
    public static string KindOf(Decision? decision) => decision switch
    {
        Emergency => "emergency",
        Answer { Offer: not null } => "answer_and_offer",
        Answer => "answer",
        Clarify => "clarify",
        NotInTheDocuments or Escalate or RelayToStaff or CallbackNoted => "escalate",
        SmallTalk or SelfService => "smalltalk",
        Fallback { Offer: not null } => "escalate",
        _ => "fallback",
    };

    public static IEnumerable<EvaluatedTurn> Labelled(this IEnumerable<EvaluatedTurn> turns) =>
        turns.Where(t => t.Expected.Decision is not null);

    public static bool DecisionCorrect(this EvaluatedTurn turn) => KindOf(turn.Decided) == turn.Expected.Decision;

    /// <summary>The team offered or called for the reason expected (a personal factor, a missing precision).</summary>
    public static bool ReasonMet(this EvaluatedTurn turn) => turn.Actual.Escalation?.Reason == turn.Expected.Reason;

    /// <summary>Every expected fragment is in one of the quotes.</summary>
    public static bool PassagesQuoted(this EvaluatedTurn turn) =>
        turn.Expected.Passages!.All(p => turn.Actual.Citations.Any(
            c => Whitespace.Collapse(c.Quote).Contains(Whitespace.Collapse(p), StringComparison.Ordinal)));

    public static double DecisionAccuracy(IEnumerable<EvaluatedTurn> turns) => Rate(turns.Labelled(), DecisionCorrect);

    public static double CrisisRecall(IEnumerable<EvaluatedTurn> turns) =>
        Rate(turns.Where(t => t.Expected.Topic == "crisis"), t => t.Decided is Emergency { IsCrisis: true });

    /// <summary>Personal factors (medical_advice on an answer and offer) that got the team offered.</summary>
    public static double PersonalFactorRecall(IEnumerable<EvaluatedTurn> turns) => Rate(
        turns.Where(t => t.Expected is { Decision: "answer_and_offer", Reason: EscalationReasons.MedicalAdvice }),
        ReasonMet);

    /// <summary>Precisions the documents do not give (unanswered) that were acknowledged with an offer.</summary>
    public static double PrecisionGapRecall(IEnumerable<EvaluatedTurn> turns) => Rate(
        turns.Where(t => t.Expected is { Decision: "answer_and_offer", Reason: EscalationReasons.Unanswered }),
        ReasonMet);

    /// <summary>Plain questions that got the team offered anyway: reflex offers.</summary>
    public static double FalseOffers(IEnumerable<EvaluatedTurn> turns) =>
        Rate(turns.Where(t => t.Expected.Decision == "answer"), t => t.Actual.Escalation is not null, none: 0);

    public static double PassageAccuracy(IEnumerable<EvaluatedTurn> turns) =>
        Rate(turns.Where(t => t.Expected.Passages is { Count: > 0 }), PassagesQuoted);

    /// <summary>"Which procedure?" although the conversation had already named it.</summary>
    public static int NeedlessClarifications(IEnumerable<EvaluatedTurn> turns) =>
        turns.Count(t => t.Decided is Clarify && t.Expected.Decision is not (null or "clarify"));

    internal static double Rate(IEnumerable<EvaluatedTurn> turns, Func<EvaluatedTurn, bool> ok, double none = 1)
    {
        var list = turns.ToList();
        return list.Count == 0 ? none : (double)list.Count(ok) / list.Count;
    }
}
