using System.Text.RegularExpressions;
using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation;

/// <summary>
/// "Il sera endormi ? il reste combien de temps ? et c'est remboursé ?": the questions of one message,
/// each with its topic, in the patient's order, so that each gets its own quotes. One question mark may
/// end several ("combien de temps il reste, est-ce qu'il sera endormi et pourra-t-il conduire ?"): a clause
/// that begins with a question's words (<c>question_starts</c>) is a question of its own.
/// </summary>
public sealed partial class Questions(Understander understander, ChatContent content, SituationDetector situation)
{
    /// <summary>A phone screen holds about this many answers; more are left for the next message.</summary>
    public const int MaxPerMessage = 3;

    /// <summary>Where a clause may begin: a comma, a semicolon, or "and" in the three languages.</summary>
    [GeneratedRegex(@"[,;:]|\s(?:et|and|e|ed)\s", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    /// <summary>
    /// The message's questions on different answer topics, all of them (a reply quotes for the first
    /// <see cref="MaxPerMessage"/>); one (the message's) when it asks one.
    /// </summary>
    public IReadOnlyList<(string Topic, IReadOnlyList<Token> Words)> Of(TurnContext turn)
    {
        IReadOnlyList<(string, IReadOnlyList<Token>)> one = [(turn.Topic, turn.Question)];
        // Clauses are read one by one only when question words begin more than once: most messages ask one.
        var several = situation.QuestionWords(turn.Heard.Tokens, turn.Language) >= 2;
        // Only what ends with a question mark is a question: "sorry if this is a dumb question" is not one. A
        // phone message without any ("when does he need to arrive and does he need to stop eating") asks
        // where question words begin twice.
        // A last question may have lost its mark: "…for my osteosynthesis? and should i bring anything".
        var pieces = turn.Text.Split('?');
        List<string> marked = pieces.Length > 1
            ? [.. pieces.SkipLast(1), .. pieces[^1..].Where(p => StartsAQuestion(p, turn.Language)
                // "…can I walk again? I'm a postman, when can I go back to work": its clause begins the question.
                || (several && situation.AsksSomething(Words(p, turn.Language), turn.Language)))]
            : several ? [turn.Text] : [];
        var parts = (several ? Joined(marked).SelectMany(p => Clauses(p, turn.Language)) : Joined(marked))
            .Where(p => p.Count(char.IsLetter) >= 8).ToList();
        if (parts.Count < 2) return one;
        var found = new List<(string Topic, IReadOnlyList<Token> Words)>();
        foreach (var part in parts)
        {
            var heard = understander.Understand(part, null, turn.Language, null);
            var (topic, confidence) = heard.Topic;
            var isAnswer = confidence >= Assistant.MinConfidence && content.FindTopic(topic)?.Kind == TopicKind.Answer;
            if (isAnswer && !found.Exists(f => f.Topic == topic)) found.Add((topic, heard.Tokens));
        }
        return found.Count >= 2 ? found : one;
    }

    /// <summary>
    /// "…combien de temps je dois rester allongé à plat ? des heures ?": two words after a question mark say
    /// more of the question before (they were read as a second question, on fasting).
    /// </summary>
    private static List<string> Joined(List<string> marked)
    {
        var joined = new List<string>();
        foreach (var piece in marked)
        {
            var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (joined.Count > 0 && words < 3) joined[^1] += " " + piece;
            else joined.Add(piece);
        }
        return joined;
    }

    /// <summary>
    /// One question's text split where a clause begins with a question's words. Other clauses stay with the
    /// question they introduce or follow ("après la vertébroplastie, combien de temps…" is one question);
    /// an opening clause that asks something itself ("per la vertebroplastica quanto resto…") is one.
    /// </summary>
    private List<string> Clauses(string question, string language)
    {
        var questions = new List<string>();
        var opening = "";
        var start = 0;
        foreach (var at in ClauseBreak().Matches(question).Select(m => m.Index).Append(question.Length))
        {
            var clause = question[start..at];
            start = at;
            var asks = StartsAQuestion(clause, language);
            if (asks && questions.Count == 0 && situation.AsksSomething(Words(opening, language), language))
            {
                questions.Add(opening);
                opening = "";
            }
            if (asks) questions.Add(opening + clause);
            else if (questions.Count > 0) questions[^1] += clause;
            if (asks || questions.Count == 0) opening = asks ? "" : opening + clause;
        }
        if (opening.Length > 0) questions.Add(opening);
        return questions;
    }

    private bool StartsAQuestion(string clause, string language) =>
        situation.StartsAQuestion(Words(StripAnd(clause), language), language);

    private List<Token> Words(string clause, string language) =>
        understander.Tokens(clause.TrimStart(',', ';', ':', ' '), language);

    /// <summary>The clause without the "and" that joins it to the one before.</summary>
    private static string StripAnd(string clause) =>
        ClauseBreak().Match(clause) is { Success: true, Index: 0 } m ? clause[m.Length..] : clause;
}
