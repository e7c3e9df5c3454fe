using Chatbot.Core.Conversation;

namespace Chatbot.Core.Content;

/// <summary>Cross-checks loaded content: verbatim quotes, references, enough examples, complete wording.</summary>
internal static class ContentValidator
{
    /// <summary>The topic ids other systems rely on; content may add more, never remove these.</summary>
    public static readonly IReadOnlyList<string> ApiTopics =
    [
        "fasting", "anesthesia", "risks", "walking", "reimbursement", "emergency", "crisis", "human", "greeting",
        "out_of_scope",
    ];

    public const int MinExamplesPerLanguage = 15;

    public static IEnumerable<ContentError> Validate(ChatContent content, string folder)
    {
        var topicsFile = "dialogs/topics.yaml";
        foreach (var id in ApiTopics.Where(id => content.FindTopic(id) is null))
            yield return new ContentError(topicsFile, 1, $"topic '{id}' is required");
        foreach (var duplicate in content.Topics.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            yield return new ContentError(topicsFile, 1, $"topic '{duplicate.Key}' is defined twice");
        foreach (var error in ValidateProcedures(content)) yield return error;
        foreach (var error in ValidateDocuments(content, folder)) yield return error;
        foreach (var error in ValidateExamples(content)) yield return error;
        foreach (var error in ValidateLanguages(content)) yield return error;
        foreach (var error in RedFlagChecks.Validate(content)) yield return error;
    }

    private static IEnumerable<ContentError> ValidateProcedures(ChatContent content)
    {
        var file = "dialogs/procedures.yaml";
        foreach (var family in content.Families)
        {
            foreach (var member in family.Members.Where(m => content.FindProcedure(m) is null))
                yield return new ContentError(file, 1, $"family '{family.Id}' names unknown procedure '{member}'");
        }
        foreach (var procedure in content.Procedures)
        {
            foreach (var other in procedure.Outranks.Where(o => content.FindProcedure(o) is null))
                yield return new ContentError(file, 1, $"procedure '{procedure.Id}' outranks unknown procedure '{other}'");
            if (procedure.Outranks.Contains(procedure.Id)) yield return new ContentError(file, 1, $"procedure '{procedure.Id}' outranks itself");
        }
        foreach (var duplicate in content.Procedures.GroupBy(p => p.Id).Where(g => g.Count() > 1))
            yield return new ContentError(file, 1, $"procedure '{duplicate.Key}' is defined twice");
        foreach (var procedure in content.Procedures.Where(p => p.Names.Count == 0))
            yield return new ContentError(file, 1, $"procedure '{procedure.Id}' has no names");
    }

    private static IEnumerable<ContentError> ValidateDocuments(ChatContent content, string folder)
    {
        var seen = new HashSet<string>();
        foreach (var document in content.Documents)
        {
            if (!seen.Add("doc:" + document.Id)) yield return new ContentError(document.File, 1, $"document id '{document.Id}' is used twice");
            if (!ChatContent.SupportedLanguages.Contains(document.Language))
                yield return new ContentError(document.File, 1, $"language '{document.Language}' is not fr, it or en");
            foreach (var p in document.Procedures.Where(p => content.FindProcedure(p) is null))
                yield return new ContentError(document.File, 1, $"unknown procedure '{p}'");
            var sourcePath = Path.Combine(folder, "sources", document.SourceFile);
            if (!File.Exists(sourcePath))
            {
                yield return new ContentError(document.File, 1, $"source file 'sources/{document.SourceFile}' does not exist");
                continue;
            }
            var source = Whitespace.Collapse(File.ReadAllText(sourcePath));
            foreach (var snippet in document.Snippets)
            {
                if (!seen.Add("snippet:" + snippet.Id)) yield return new ContentError(document.File, snippet.Line, $"snippet id '{snippet.Id}' is used twice");
                if (!source.Contains(snippet.Text, StringComparison.Ordinal))
                    yield return new ContentError(document.File, snippet.Line, NotVerbatim($"snippet '{snippet.Id}'", snippet.Text, source, document.SourceFile));
                if (snippet.Topics.Count == 0) yield return new ContentError(document.File, snippet.Line, $"snippet '{snippet.Id}' has no topic");
                foreach (var topic in snippet.Topics.Where(t => content.FindTopic(t)?.Kind != TopicKind.Answer))
                    yield return new ContentError(document.File, snippet.Line, $"snippet '{snippet.Id}': '{topic}' is not a topic answered from documents");
            }
            foreach (var error in SnippetChecks.Validate(content, document, source)) yield return error;
            foreach (var passage in document.Excluded.Where(e => !source.Contains(e.Text, StringComparison.Ordinal)))
                yield return new ContentError(document.File, passage.Line, NotVerbatim("excluded passage", passage.Text, source, document.SourceFile));
        }
    }

    /// <summary>Says where a quote stops matching its source, so the editor sees the typo at once.</summary>
    private static string NotVerbatim(string what, string quote, string source, string sourceFile)
    {
        var matched = 0;
        for (var length = 1; length <= quote.Length; length++)
        {
            if (!source.Contains(quote[..length], StringComparison.Ordinal)) break;
            matched = length;
        }
        var after = quote[..matched];
        var tail = after.Length > 40 ? "…" + after[^40..] : after;
        return $"{what} is not verbatim in sources/{sourceFile}: it differs after \"{tail}\"";
    }

    private static IEnumerable<ContentError> ValidateExamples(ChatContent content)
    {
        foreach (var example in content.Examples.Where(e => content.FindTopic(e.Topic) is null))
            yield return new ContentError(example.File, example.Line, $"unknown topic '{example.Topic}'");
        // Crisis is raised by its rules alone: a classifier taught a few crisis phrases would also fire on idioms.
        foreach (var topic in content.Topics.Where(t => t.Kind != TopicKind.Crisis))
        {
            foreach (var language in ChatContent.SupportedLanguages)
            {
                var count = content.Examples.Count(e => e.Topic == topic.Id && e.Language == language);
                if (count < MinExamplesPerLanguage)
                    yield return new ContentError($"dialogs/intents/{language}.yaml", 1, $"topic '{topic.Id}' has {count} examples, at least {MinExamplesPerLanguage} are needed");
            }
        }
    }

    private static IEnumerable<ContentError> ValidateLanguages(ChatContent content)
    {
        foreach (var language in ChatContent.SupportedLanguages)
        {
            if (!content.Languages.ContainsKey(language)) yield return new ContentError($"dialogs/language/{language}.yaml", 0, "file is missing");
            if (!content.RedFlags.Any(r => r.Language == language)) yield return new ContentError($"dialogs/redflags/{language}.yaml", 0, "no red-flag rules for this language");
            if (!content.Replies.TryGetValue(language, out var replies))
            {
                yield return new ContentError($"dialogs/replies/{language}.yaml", 0, "file is missing");
                continue;
            }
            foreach (var key in ReplyKeys.All.Where(k => !replies.ContainsKey(k)))
                yield return new ContentError($"dialogs/replies/{language}.yaml", 1, $"reply '{key}' is missing");
        }
        foreach (var topic in content.Topics.Where(t => t.Kind == TopicKind.Answer && !content.Snippets.Any(s => s.Topics.Contains(t.Id))))
            yield return new ContentError("dialogs/topics.yaml", 1, $"topic '{topic.Id}' is answered from documents but no snippet is tagged with it");
    }
}
