using Chatbot.Core.Knowledge;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation.Policies;

/// <summary>
/// "What's the difference between vertebroplasty and cementoplasty for metastases?": each procedure named
/// is described by its own document, under its name, never merged. Only the last name used to count,
/// and the answer described one of the two. Names only: a family word ("cimentoplastie") has no
/// document of its own to set beside another.
/// </summary>
public sealed class Comparison(SnippetIndex index, SituationDetector situation) : ITurnPolicy
{
    private const string Described = "definition";

    public Outcome? Decide(TurnContext turn)
    {
        var named = turn.Heard.NamedProcedures;
        if (named.Count < 2 || !situation.Compares(turn.Heard.Tokens, turn.Language)) return null;
        var asked = index.Ask(turn.Question, turn.Language);
        var passages = named.Select(p => index.Find(Described, p, asked)).Where(p => p.Snippets.Count > 0).ToList();
        if (passages.Count < 2) return null;
        var answer = new Answer(passages) { Topic = Described, Confidence = 1 };
        return new(answer, turn.State with { LastTopic = Described, LastQuestions = [], PendingTopic = null });
    }
}
