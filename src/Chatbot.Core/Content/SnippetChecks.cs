using System.Text.RegularExpressions;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Content;

/// <summary>
/// Checks that each snippet fits a precise question: short, tagged by what it states (the topic's cue
/// words, none of its contrary ones), one topic per sentence, and a split list kept in source order.
/// </summary>
internal static partial class SnippetChecks
{
    /// <summary>The content format's "one to three sentences"; a list item counts as one.</summary>
    public const int MaxSentences = 3;

    public static IEnumerable<ContentError> Validate(ChatContent content, SourceDocument document, string source)
    {
        foreach (var snippet in document.Snippets)
        {
            var sentences = Sentences(snippet.Text);
            if (sentences.Count > MaxSentences)
            {
                yield return Error(snippet, $"has {sentences.Count} sentences or list items, at most " +
                    $"{MaxSentences}: split it into consecutive snippets (a list into its items, with part_of)");
            }
            foreach (var error in TopicChecks(content, snippet, sentences)) yield return error;
        }
        foreach (var error in PartChecks(content, document, source)) yield return error;
    }

    /// <summary>Sentences, and list items (•, or "- " at a sentence start) as sentences of their own.</summary>
    public static List<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Any(char.IsLetterOrDigit)).ToList();

    /// <summary>Whether the words hold the cue: a word or phrase, its last word a prefix if it ends in *.</summary>
    public static bool Says(List<string> words, string cue)
    {
        var parts = Folding.Words(Folding.Fold(cue.TrimEnd('*'))).Select(w => w.Word).ToList();
        var prefix = cue.EndsWith('*');
        if (parts.Count == 0) return false;
        for (var start = 0; start + parts.Count <= words.Count; start++)
        {
            var at = 0;
            while (at < parts.Count - 1 && words[start + at] == parts[at]) at++;
            if (at < parts.Count - 1) continue;
            var last = words[start + at];
            if (prefix ? last.StartsWith(parts[at], StringComparison.Ordinal) : last == parts[at]) return true;
        }
        return false;
    }

    private static IEnumerable<ContentError> TopicChecks(ChatContent content, Snippet snippet, List<string> sentences)
    {
        var language = snippet.Document.Language;
        var words = WordsOf(snippet.Text);
        var topics = snippet.Topics.Select(content.FindTopic).OfType<Topic>().Where(t => t.Kind == TopicKind.Answer);
        foreach (var topic in topics)
        {
            if (!topic.Cues.TryGetValue(language, out var cues) || cues.Count == 0)
            {
                yield return Error(snippet, $"topic '{topic.Id}' has no cue words for '{language}' " +
                    "in dialogs/topics.yaml");
                continue;
            }
            if (!cues.Any(c => Says(words, c)))
            {
                yield return Error(snippet, $"is tagged '{topic.Id}' but states none of its cue words: " +
                    "tag it by what it says");
            }
            var contrary = topic.Contrary.GetValueOrDefault(language, []).FirstOrDefault(c => Says(words, c));
            if (contrary is not null)
            {
                yield return Error(snippet, $"is tagged '{topic.Id}' but says '{contrary.TrimEnd('*')}…': " +
                    $"it does not state {topic.Id}");
            }
        }
        // Several facts for several questions in one snippet: a sentence that states a second topic and not
        // the first answers another question, and belongs in its own snippet.
        if (sentences.Count < 2 || snippet.Topics.Count < 2) yield break;
        if (content.FindTopic(snippet.Topics[0]) is not { } main) yield break;
        var mainCues = main.Cues.GetValueOrDefault(language, []);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = WordsOf(sentences[i]);
            if (mainCues.Any(c => Says(sentence, c))) continue;
            var other = snippet.Topics.Skip(1).Select(content.FindTopic).OfType<Topic>()
                .FirstOrDefault(t => t.Cues.GetValueOrDefault(language, []).Any(c => Says(sentence, c)));
            if (other is not null)
            {
                yield return Error(snippet, $"sentence {i + 1} states '{other.Id}', not its main topic '{main.Id}': " +
                    "split it so each question gets its own sentence");
            }
        }
    }

    /// <summary>A list split into items: they follow each other, here and in the source, in one document.</summary>
    private static IEnumerable<ContentError> PartChecks(ChatContent content, SourceDocument document, string source)
    {
        var snippets = document.Snippets;
        foreach (var list in snippets.Where(s => s.PartOf is not null).GroupBy(s => s.PartOf!))
        {
            var items = list.ToList();
            var first = snippets.ToList().IndexOf(items[0]);
            if (items.Count < 2) yield return Error(items[0], $"is the only item of part_of '{list.Key}'");
            else if (!items.SequenceEqual(snippets.Skip(first).Take(items.Count)))
            {
                yield return Error(items[0], $"the items of part_of '{list.Key}' do not follow each other " +
                    "in this file");
            }
            else if (!source.Contains(string.Join(' ', items.Select(s => s.Text)), StringComparison.Ordinal))
            {
                yield return Error(items[0], $"the items of part_of '{list.Key}' do not follow each other " +
                    "in the source");
            }
            if (content.Documents.Any(d => d != document && d.Snippets.Any(s => s.PartOf == list.Key)))
                yield return Error(items[0], $"part_of '{list.Key}' is also used in another document");
        }
    }

    private static List<string> WordsOf(string text) =>
        Folding.Words(Folding.Fold(text)).Select(w => w.Word).ToList();

    private static ContentError Error(Snippet snippet, string reason) =>
        new(snippet.Document.File, snippet.Line, $"snippet '{snippet.Id}' {reason}");

    // After . ! ? before a capital, a quote or a bullet; before • anywhere; before "- " that starts a sentence.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}«“""•-])|\s*(?=•)|(?<=^|[.:!?])\s*(?=- )")]
    private static partial Regex SentenceBreak();
}
