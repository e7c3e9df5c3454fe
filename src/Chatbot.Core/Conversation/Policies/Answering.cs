using Chatbot.Core.Content;
using Chatbot.Core.Knowledge;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation.Policies;

/// <summary>
/// A question the documents may answer: quotes of the patient's procedure, which procedure first when
/// the documents differ by procedure, and the team offered where the quotes cannot settle the point.
/// </summary>
public sealed class Answering(
    ChatContent content, SnippetIndex index, TeamOffers offers, Questions questions, Understander understander)
    : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn)
    {
        if (!turn.Understood || turn.Kind != TopicKind.Answer) return null;
        var state = turn.State with { LastTopic = turn.Topic, LastQuestions = [] };
        var candidates = state.Procedures.Count > 0
            ? state.Procedures
            : content.Procedures.Select(p => p.Id).Except(turn.Heard.DeniedProcedures).ToList();
        if (candidates.Count == 1 && Several(turn) is { Count: > 1 } several)
        {
            return Several(turn, state, candidates[0], several);
        }
        var asked = index.Ask(turn.Question, turn.Language);
        List<Passage> AnsweredFor(IReadOnlyList<string> procedures) =>
            [.. procedures.Select(p => index.Find(turn.Topic, p, asked)).Where(p => p.Snippets.Count > 0)];
        var answered = AnsweredFor(candidates);
        if (answered.Count == 0 && state.ProcedureAssumed && SetAside(turn, candidates) is { Count: > 0 } others)
        {
            // Only assumed (the one document in the patient's language): the others it stood for may answer.
            (candidates, state) = (others, state with { Procedures = others, ProcedureAssumed = false });
            answered = AnsweredFor(candidates);
        }
        else if (answered.Count == 0 && state.ProcedureAssumed && AnsweredFor(Others(candidates)) is { Count: > 0 } by)
        {
            // "La cementoplastica è pericolosa? ho letto di embolia": no cue, and the Italian document does not
            // say. Which one, among those whose documents answer (the assumption kept until the patient picks).
            return new(new Clarify([.. by.Select(p => p.Procedure)])
                { Topic = turn.Topic, Confidence = turn.Confidence }, state);
        }
        if (answered.Count == 0)
        {
            var none = new NotInTheDocuments(candidates)
            { Topic = turn.Topic, Confidence = turn.Confidence, Offer = new(EscalationReasons.Unanswered) };
            return new(none, state);
        }
        // Never merge what different procedures' documents say: ask which one, among those that answer.
        if (candidates.Count > 1)
        {
            // "Which one?" answered with the patient's situation ("je vis seule à 82 ans, comment rentrer ?"), not
            // a name: not the same question again, the team, who knows both.
            if (turn.Before.PendingTopic is not null && offers.ForThePatientsSituation(turn) is not null)
            {
                return new(PersonalSituationAsked.Offered(turn), state);
            }
            // Asked once already: the patient may not know its name; the team is offered with the question.
            // One button alone would be taken as the patient's procedure: all candidates then, and the
            // documents of the one picked answer or say they do not.
            IReadOnlyList<string> choices = answered.Count > 1 ? [.. answered.Select(p => p.Procedure)] : candidates;
            var clarify = new Clarify(choices)
            {
                Topic = turn.Topic, Confidence = turn.Confidence,
                Offer = turn.Before.PendingTopic is null ? null : new(EscalationReasons.LowConfidence),
            };
            // "Is it painful, will I be asleep?": once the procedure is said, each question gets its quotes.
            var questionsAsked = Several(turn);
            return new(clarify, questionsAsked.Count > 1
                ? state with
                {
                    LastQuestions = [.. questionsAsked.Take(Questions.MaxPerMessage).Select(q => q.Topic)],
                }
                : state);
        }
        var answer = new Answer(answered) { Topic = turn.Topic, Confidence = turn.Confidence };
        return new(answer with { Offer = offers.WithinTheDocumentsLimits(answer, turn) }, state);
    }

    /// <summary>
    /// Each question its quotes, in order (three questions at most, see <see cref="Questions"/>: a phone shows
    /// no more; further ones are said to be left for next); those the documents do not answer said so. Not
    /// fewer quotes each: a risk list is not to be cut.
    /// </summary>
    private Outcome Several(
        TurnContext turn, ConversationState state, string procedure,
        IReadOnlyList<(string Topic, IReadOnlyList<Token> Words)> asked)
    {
        var several = asked.Take(Questions.MaxPerMessage).ToList();
        var passages = several.Select(q => index.ForQuestion(q.Topic, q.Words, procedure, turn.Language)).ToList();
        var answered = passages.Where(p => p.Snippets.Count > 0).ToList();
        var notAnswered = passages.Where(p => p.Snippets.Count == 0).Select(p => p.Topic!).ToList();
        if (answered.Count == 0)
        {
            var none = new NotInTheDocuments([procedure])
            { Topic = turn.Topic, Offer = new(EscalationReasons.Unanswered) };
            return new(none, state);
        }
        var answer = new Answer(answered)
        {
            Topic = several[0].Topic, Confidence = turn.Confidence, NotAnswered = notAnswered,
            MoreQuestions = asked.Count > several.Count,
        };
        // A question without quotes is said unanswered; one whose quotes miss its precise point ("à quelle
        // heure") is said so too, with the offer, or the patient reads the quotes as its answer.
        var within = offers.WithinTheDocumentsLimits(answer, turn);
        var offer = notAnswered.Count > 0 ? new TeamOffer(EscalationReasons.Unanswered, within?.Because) : within;
        return new(answer with { Offer = offer }, state with { LastQuestions = [.. several.Select(q => q.Topic)] });
    }

    /// <summary>
    /// The other procedures of the family an assumed procedure was taken from ("cementoplastica") that the
    /// message's cues also point to ("metastasi all'omero": the French document on metastases answers the
    /// risks the Italian one does not state). Without such a cue, the patient is asked which one (seventeenth
    /// review: "the Italian document does not say" read as a refusal where an answer existed).
    /// </summary>
    private List<string> SetAside(TurnContext turn, IReadOnlyList<string> assumed) =>
        understander.Cued(turn.Heard, Others(assumed));

    /// <summary>The other procedures of the family an assumed procedure was taken from.</summary>
    private List<string> Others(IReadOnlyList<string> assumed) =>
        content.Families.FirstOrDefault(f => assumed.All(f.Members.Contains)) is { } family
            ? [.. family.Members.Except(assumed)] : [];

    /// <summary>The message's questions, or those of the last message asked again for another procedure.</summary>
    private IReadOnlyList<(string Topic, IReadOnlyList<Token> Words)> Several(TurnContext turn) =>
        turn.AsksAgain && turn.Before.LastQuestions.Count > 1
            ? [.. turn.Before.LastQuestions.Select(t => (t, turn.Question))]
            : questions.Of(turn);
}
