using Chatbot.Core.Content;
using Chatbot.Core.Knowledge;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation.Policies;

/// <summary>
/// "What's the difference between vertebroplasty and cementoplasty for metastases?": each procedure named
/// is described by its own document, under its name, never merged. Only the last name used to count,
/// and the answer described one of the two. A family's word ("la cimentoplastie ou l'ostéosynthèse ?") has
/// no document of its own: the general article on it speaks for it, said to be general. A comparison on a
/// subject of the documents ("which is riskier, vertebroplasty or osteosynthesis?") quotes each on it.
/// Which one is safer or hurts less, the documents do not say: said so, and the team offered.
/// </summary>
public sealed class Comparison(ChatContent content, SnippetIndex index, SituationDetector situation, TeamOffers offers)
    : ITurnPolicy
{
    private const string Described = "definition";

    public Outcome? Decide(TurnContext turn)
    {
        var named = turn.Heard.NamedProcedures;
        // "Vertebroplasty and cementoplasty, the same thing?": the family's general article beside its member's own.
        var families = content.Families.Where(f => turn.Heard.NamedFamilies.Contains(f.Id)).ToList();
        if (named.Count + families.Count < 2 || !situation.Compares(turn.Heard.Tokens, turn.Language)) return null;
        var topic = turn.Understood && turn.Kind == TopicKind.Answer ? turn.Topic : Described;
        var asked = index.Ask(turn.Question, turn.Language);
        List<Passage> passages =
        [
            .. families.Select(f => index.General(topic, f.Members, asked)).OfType<Passage>(),
            .. named.Select(p => index.Find(topic, p, asked)),
        ];
        passages.RemoveAll(p => p.Snippets.Count == 0);
        if (passages.Count < 2) return null;
        var answer = new Answer(passages) { Topic = topic, Confidence = 1 };
        // "Which one is less risky?": the documents describe each, never weigh one against the other.
        answer = answer with { Offer = offers.WithinTheDocumentsLimits(answer, turn) };
        return new(answer, turn.State with { LastTopic = topic, LastQuestions = [], PendingTopic = null });
    }
}
