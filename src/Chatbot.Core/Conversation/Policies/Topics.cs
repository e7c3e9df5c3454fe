using Chatbot.Core.Content;
using Chatbot.Core.Knowledge;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation.Policies;

/// <summary>Nothing but spaces or symbols: ask for the question, before anything else reads it.</summary>
public sealed class EmptyMessage : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) =>
        turn.IsEmpty
            ? new(new Fallback(ReplyKeys.EmptyMessage) { Topic = "out_of_scope", Confidence = 0 }, turn.State)
            : null;
}

/// <summary>
/// "Ma mère va avoir une cimentoplastie", "my wife is booked for an osteosynthesis on Monday": the procedure
/// said, no question yet. Noted (the memory keeps it) and the question invited, not "I did not understand"
/// nor "out of scope".
/// </summary>
public sealed class ProcedureNoted(SituationDetector situation) : ITurnPolicy
{
    /// <summary>Words of a message that only tells (of the procedure, of a situation): longer ones ask too.</summary>
    internal const int ShortTelling = 14;

    /// <summary>
    /// Words of a message that tells of the procedure ("ma mère, 86 ans, a eu sa vertébroplastie ce matin, elle est
    /// rentrée ce soir"), with no question mark nor question word: a context, however its words lean.
    /// </summary>
    internal const int Telling = 24;

    /// <summary>Below this, a topic read from a short telling is a guess, not a question heard.</summary>
    private const double AGuess = 0.6;

    /// <summary>Fewer words are keywords ("vertebroplastie : jacuzzi"), a question in short, not a telling.</summary>
    private const int ASentence = 5;

    public Outcome? Decide(TurnContext turn)
    {
        var statement = !turn.Text.Contains('?', StringComparison.Ordinal) && turn.Heard.Procedures.Count > 0
            && !situation.AsksSomething(turn.Heard.Tokens, turn.Language);
        // Not a staff topic: "est-ce que le docteur peut m'appeler" is a request without its question mark.
        // A guessed answer topic only for a short telling ("had my osteosynthesis yesterday"): "dites-moi ce
        // que c'est" and "May I eat my breakfast before I come in." ask without the mark.
        var noQuestionHeard = !turn.Understood || turn.Kind is TopicKind.Greeting or TopicKind.OutOfScope
            || (turn.Kind is TopicKind.Answer && turn.Question.Count <= Telling
                && (situation.TellsOfTheProcedure(turn.Heard.Tokens, turn.Language)
                    || situation.Introduces(turn.Heard.Tokens, turn.Language)))
            // "Sono infermiera e paziente oncologica, metastasi vertebrali": who writes, read as "human" by the
            // classifier alone; no person asked for.
            || (turn.Kind is TopicKind.Human && situation.Introduces(turn.Heard.Tokens, turn.Language)
                && !situation.AsksForAPerson(turn.Question, turn.Language))
            // "Je dois avoir une cimentoplastie pour mes métastases" read as a personal decision at 0.51, "quick q
            // about the pelvic screw operation" as recovery at 0.48: a sentence with no question in it, and the
            // topic a guess. Not keywords ("vertebroplastie: jacuzzi"): those ask, tersely, and are answered.
            || (turn.Kind is TopicKind.Answer or TopicKind.MedicalAdvice && turn.Confidence < AGuess
                && turn.Question.Count is >= ASentence and <= ShortTelling);
        if (!statement || !noQuestionHeard || turn.AsksAgain) return null;
        // "Je suis sous Préviscan et je vais avoir une vertébroplastie": no question, but a situation the
        // documents cannot settle: said so, and the team offered, rather than a bare "noted".
        return situation.HasPersonalFactor(turn.Heard.Tokens, turn.Language)
            ? new(PersonalSituationAsked.Offered(turn), turn.State with { FallbackCount = 0 })
            : new(new SmallTalk(ReplyKeys.ProcedureNoted) { Topic = "greeting", Confidence = turn.Confidence },
                turn.State with { FallbackCount = 0 });
    }
}

/// <summary>
/// Asking for a person: a request opened. Guessed by the classifier alone, with little certainty ("I'm dead
/// tired of all these appointments haha"), the team is offered rather than a request opened unasked. With a
/// request already open ("when will she call me?"), the message joins it: one request, not two.
/// </summary>
public sealed class PersonRequest(SituationDetector situation) : ITurnPolicy
{
    private const double SureOfARequest = 0.6;

    public Outcome? Decide(TurnContext turn)
    {
        var asked = situation.AsksForAPerson(turn.Question, turn.Language);
        if (!asked && !(turn.Understood && turn.Kind == TopicKind.Human)) return null;
        if (turn.State.OpenEscalation is { } open) return new(new RelayToStaff(open) { Topic = "human" }, turn.State);
        if (!asked && turn.Confidence < SureOfARequest)
        {
            return new(new Fallback(ReplyKeys.FallbackOffer)
                { Topic = "human", Confidence = turn.Confidence, Offer = new(EscalationReasons.HumanRequested) },
                turn.State);
        }
        return new(new Escalate(EscalationReasons.HumanRequested, ReplyKeys.EscalationHuman)
            { Topic = "human", Confidence = turn.Confidence }, turn.State);
    }
}

/// <summary>
/// "Et la sacroplastie, c'est pareil ?": a procedure our documents do not describe. Said so, and the team
/// offered, rather than quotes of another procedure that would seem to apply.
/// </summary>
public sealed class UnknownProcedureName(UnknownProcedures unknown) : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) =>
        turn.Heard.NamedProcedures.Count == 0 && unknown.In(turn.Heard.Tokens) is not null
            ? new(new Fallback(ReplyKeys.UnknownProcedure)
                { Topic = turn.Topic, Confidence = turn.Confidence, Offer = new(EscalationReasons.Unanswered) },
                turn.State with { FallbackCount = 0 })
            : null;
}

/// <summary>"Should I stop my anticoagulant?": only the team can decide for this patient.</summary>
public sealed class PersonalDecision(SituationDetector situation) : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) =>
        turn.Understood && (turn.Kind == TopicKind.MedicalAdvice || AsksForOne(turn))
        ? new(new Escalate(EscalationReasons.MedicalAdvice, ReplyKeys.EscalationMedical)
            { Topic = "medical_advice", Confidence = turn.Confidence }, turn.State)
        : null;

    /// <summary>"Je prends du Kardégic, je l'arrête ?", read as a preparation question, still asks for a decision.
    /// </summary>
    private bool AsksForOne(TurnContext turn) =>
        situation.AsksForADecision(turn.Heard.Tokens, turn.Language)
        && situation.HasPersonalFactor(turn.Heard.Tokens, turn.Language);
}

/// <summary>
/// "She lives alone, is that ok?", "il a 89 ans, ce n'est pas trop lourd pour lui ?": the patient's own situation
/// asked about with no subject of the documents to quote. Neither a greeting nor "I did not understand":
/// the documents cannot settle it, and the team is offered.
/// </summary>
public sealed class PersonalSituationAsked(SituationDetector situation) : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) =>
        (turn.Text.Contains('?') || situation.AsksSomething(turn.Question, turn.Language))
        && situation.HasPersonalFactor(turn.Question, turn.Language)
            ? new(Offered(turn), turn.State with { FallbackCount = 0 })
            : null;

    /// <summary>The documents cannot settle the patient's situation: said so, and the team offered.</summary>
    public static Fallback Offered(TurnContext turn) => new(ReplyKeys.PersonalSituation)
    {
        Topic = "medical_advice", Confidence = turn.Confidence, Offer = new(EscalationReasons.MedicalAdvice),
    };
}

/// <summary>
/// "He's on warfarin", "elle est sous Préviscan" after a question: the patient's situation told, no question.
/// Not the last answer again with a caveat: the documents cannot settle it, said so, and the team offered.
/// </summary>
public sealed class PersonalSituationTold(SituationDetector situation) : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn)
    {
        if (turn.Text.Contains('?', StringComparison.Ordinal) || turn.Heard.Tokens.Count > ProcedureNoted.ShortTelling
            || situation.AsksSomething(turn.Heard.Tokens, turn.Language)
            || situation.AsksForADecision(turn.Heard.Tokens, turn.Language)
            || !situation.HasPersonalFactor(turn.Heard.Tokens, turn.Language))
        {
            return null;
        }
        var state = turn.State with { FallbackCount = 0 };
        // "Buonasera, sono Gino, ho 90 anni": nothing asked nor named yet, a first word; greeted, the question invited.
        return turn.State.Procedures.Count == 0 && turn.Before.LastTopic is null
            ? new(Greeting.Of(turn) with { Confidence = turn.Confidence }, state)
            : new(PersonalSituationAsked.Offered(turn), state);
    }
}

/// <summary>
/// "Can you translate?": the bot quotes as written and cannot; an offer made before stays open. "Non capisco il
/// francese, posso parlare con un medico che parla italiano?" asks for a person: that request wins.
/// </summary>
public sealed class TranslationRequest(SituationDetector situation) : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) => situation.AsksForATranslation(turn.Question, turn.Language)
        && !situation.AsksForAPerson(turn.Question, turn.Language)
        ? new(new SmallTalk(ReplyKeys.Translation, KeepsOffer: turn.Before.OfferedEscalation is not null)
            { Topic = "out_of_scope" }, turn.State)
        : null;
}

/// <summary>
/// "Où me garer, et à quelle heure arriver ?": a practical detail of the patient's own day that no document
/// gives but the team knows. Said so, and the team offered — not the out-of-scope reply that sends the
/// patient to the reception desk, nor "which procedure?" (the answer does not depend on it). A question on
/// a subject of the documents in the same message is answered instead (the classifier is sure of it).
/// </summary>
public sealed class PracticalDetail(
    SituationDetector situation, SnippetIndex index, TeamOffers offers, Questions questions) : ITurnPolicy
{
    private static readonly HashSet<string> DayTopics = ["preparation", "hospital_stay", "course"];

    public Outcome? Decide(TurnContext turn)
    {
        if (!situation.AsksAPracticalDetail(turn.Question, turn.Language)
            || !(!turn.Understood || turn.Kind == TopicKind.OutOfScope || DayTopics.Contains(turn.Topic)))
        {
            return null;
        }
        var state = turn.State with { FallbackCount = 0, PendingTopic = null };
        // "À quelle heure arriver le jour de l'ostéosynthèse ?": its document says "entrée la veille". The day's
        // topic heard for a known procedure: what its documents say first, then the detail they do not give.
        // "I'm 7 months pregnant, can I stay with her in the room?": the situation said too, for the team.
        var situationTold = offers.ForThePatientsSituation(turn);
        if (turn.Understood && DayTopics.Contains(turn.Topic) && turn.State.Procedures is [var procedure]
            && index.Find(turn.Topic, procedure, index.Ask(turn.Question, turn.Language)) is
                { Snippets.Count: > 0 } said)
        {
            // "…what time do I arrive? and should I bring anything": the message's other questions their quotes too.
            var others = questions.Of(turn).Where(q => q.Topic != turn.Topic).Take(Questions.MaxPerMessage - 1)
                .Select(q => index.ForQuestion(q.Topic, q.Words, procedure, turn.Language))
                .Where(p => p.Snippets.Count > 0).ToList();
            List<Passage> passages = others.Count == 0 ? [said] : [said with { Topic = turn.Topic }, .. others];
            var answer = new Answer(passages) { Topic = turn.Topic, Confidence = turn.Confidence };
            var offer = situationTold ?? new TeamOffer(EscalationReasons.Unanswered, ReplyKeys.PracticalDetail);
            return new(answer with { Offer = offer }, state with { LastTopic = turn.Topic });
        }
        return new(new Fallback(ReplyKeys.PracticalDetail)
        {
            Topic = turn.Topic, Confidence = turn.Confidence,
            Offer = situationTold ?? new TeamOffer(EscalationReasons.Unanswered),
        }, state);
    }
}

/// <summary>Greetings, and subjects the documents do not cover (with the common questions as buttons).</summary>
public sealed class SmallTalkByTopic : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) => turn.Understood switch
    {
        false => null,
        true when turn.Kind == TopicKind.Greeting =>
            new(Greeting.Of(turn) with { Confidence = turn.Confidence }, turn.State),
        true => new(
            new SmallTalk(ReplyKeys.OutOfScope) { Topic = turn.Topic, Confidence = turn.Confidence }, turn.State),
    };
}

/// <summary>Not understood: say so with the common questions; the second time in a row, offer the team.</summary>
public sealed class NotUnderstood : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn)
    {
        var count = turn.Before.FallbackCount + 1;
        var state = turn.State with { FallbackCount = count };
        return count >= 2
            ? new(new Fallback(ReplyKeys.FallbackOffer)
                { Topic = turn.Topic, Confidence = turn.Confidence, Offer = new(EscalationReasons.LowConfidence) },
                state)
            : new(new Fallback(ReplyKeys.Fallback) { Topic = turn.Topic, Confidence = turn.Confidence }, state);
    }
}
