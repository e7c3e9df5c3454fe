using System.Text;
using Chatbot.Core.Content;
using Chatbot.Core.Knowledge;

namespace Chatbot.Core.Conversation;

/// <summary>Writes the bot's replies: its own wording from <c>dialogs/replies</c>, medical content only as numbered quotes.</summary>
public sealed class Composer(ChatContent content)
{
    private static readonly string[] CommonTopics = ["fasting", "anesthesia", "risks", "walking", "reimbursement", "human"];

    public string Say(string language, string key) => content.Reply(language, key);

    public string ProcedureName(string language, string procedure) =>
        content.FindProcedure(procedure)?.Labels.GetValueOrDefault(language) ?? procedure;

    public string TopicName(string language, string topic) =>
        content.FindTopic(topic)?.Labels.GetValueOrDefault(language) ?? topic;

    /// <summary>Quotes each passage verbatim with [n] markers; one block per procedure when there are several.</summary>
    public (string Text, List<Citation> Citations) Quote(string language, IReadOnlyList<Passage> passages, bool withDisclaimer)
    {
        var text = new StringBuilder();
        var citations = new List<Citation>();
        foreach (var passage in passages)
        {
            if (passage.Topic is { } topic)
            {
                Line(text, Say(language, ReplyKeys.PerTopic)
                    .Replace("{topic}", TopicName(language, topic), StringComparison.Ordinal));
            }
            // The general article is headed by what it is ("general information on cementoplasty"), not a procedure.
            else if (passages.Count > 1 && !passage.FromGeneralSource)
            {
                Line(text, Say(language, ReplyKeys.PerProcedure)
                    .Replace("{procedure}", ProcedureName(language, passage.Procedure), StringComparison.Ordinal));
            }
            // Under a question's heading, "here is what our documents say" goes without saying; where they come
            // from does not.
            var intro = Intro(language, passage);
            if (passage.Topic is null || intro != Say(language, ReplyKeys.AnswerIntro)) Line(text, intro);
            foreach (var snippet in passage.Snippets)
            {
                citations.Add(Citation.Of(snippet));
                Line(text, $"“{snippet.Text}” [{citations.Count}]");
            }
        }
        if (withDisclaimer) Line(text, Say(language, ReplyKeys.Disclaimer));
        return (text.ToString().TrimEnd(), citations);
    }

    public string NoAnswer(string language, string topic, IReadOnlyList<string> procedures) =>
        Say(language, ReplyKeys.NoAnswer)
            .Replace("{topic}", TopicName(language, topic).ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{procedure}", string.Join(" / ", procedures.Select(p => ProcedureName(language, p))), StringComparison.Ordinal);

    /// <summary>
    /// What the document of a procedure taken from a family word covers, and the family's other procedures
    /// as buttons (a label tapped asks the question again for it). Null when the procedure has no scope.
    /// </summary>
    public (string Text, IReadOnlyList<string> Others)? Assumed(string language, string procedure)
    {
        if (content.FindProcedure(procedure)?.Scope.GetValueOrDefault(language) is not { } scope) return null;
        var others = content.Families.Where(f => f.Members.Contains(procedure)).SelectMany(f => f.Members)
            .Distinct().Where(p => p != procedure).Select(p => ProcedureName(language, p)).ToList();
        return (Say(language, ReplyKeys.ProcedureAssumed).Replace("{scope}", scope, StringComparison.Ordinal), others);
    }

    public IReadOnlyList<string> YesNo(string language) => [Say(language, ReplyKeys.OptionYes), Say(language, ReplyKeys.OptionNo)];

    /// <summary>Topic buttons after a misunderstanding: the questions patients ask most.</summary>
    public IReadOnlyList<string> TopicChoices(string language) =>
        CommonTopics.Select(t => TopicName(language, t)).ToList();

    private string Intro(string language, Passage passage)
    {
        var source = passage.Snippets.Count > 0 ? passage.Snippets[0].Document.Language : language;
        // The general article is French: an English or Italian reader is told so, as for any French quote.
        if (passage.FromGeneralSource)
            return Say(language, source == language ? ReplyKeys.GeneralSource : ReplyKeys.GeneralSourceInFrench);
        if (source == language) return Say(language, ReplyKeys.AnswerIntro);
        return Say(language, source == "it" ? ReplyKeys.QuotedInItalian : ReplyKeys.QuotedInFrench);
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append("\n\n");
}
