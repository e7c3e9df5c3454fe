using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Knowledge;

/// <summary>A quote of a curated document, as shown to the patient and the channel.</summary>
public sealed record Citation(string SnippetId, string DocumentId, string Title, string? Publisher, string? Url, string Quote)
{
    public static Citation Of(Snippet snippet) => new(
        snippet.Id, snippet.Document.Id, snippet.Document.Title, snippet.Document.Publisher, snippet.Document.Url, snippet.Text);
}

/// <summary>The snippets that answer a topic for one procedure, best first.</summary>
/// <param name="FromGeneralSource">The quotes come from a general article, not a document on this procedure.</param>
public sealed record Passage(string Procedure, IReadOnlyList<Snippet> Snippets, bool FromGeneralSource);

/// <summary>
/// Finds snippets by (topic, procedure). A document only ever answers for the procedures it covers;
/// a general article answers only where no specific document does.
/// </summary>
public sealed class SnippetIndex
{
    public const int MaxQuotes = 3;
    private readonly Dictionary<(string Topic, string Procedure), List<Snippet>> specific = [];
    private readonly Dictionary<(string Topic, string Procedure), List<Snippet>> general = [];
    private readonly Dictionary<string, HashSet<string>> snippetWords = [];

    public SnippetIndex(ChatContent content)
    {
        foreach (var snippet in content.Snippets)
        {
            var table = snippet.Document.IsGeneral ? general : specific;
            foreach (var topic in snippet.Topics)
            {
                foreach (var procedure in snippet.Document.Procedures)
                {
                    if (!table.TryGetValue((topic, procedure), out var list)) table[(topic, procedure)] = list = [];
                    list.Add(snippet);
                }
            }
            snippetWords[snippet.Id] = Folding.Words(Folding.Fold(snippet.Text)).Select(w => w.Word).Where(w => w.Length >= 4).ToHashSet();
        }
    }

    /// <summary>What the documents say on this topic for this procedure; empty when they say nothing.</summary>
    public Passage Find(string topic, string procedure, IReadOnlyList<Token> question)
    {
        if (specific.TryGetValue((topic, procedure), out var own)) return new Passage(procedure, Rank(own, topic, question), false);
        if (general.TryGetValue((topic, procedure), out var background)) return new Passage(procedure, Rank(background, topic, question), true);
        return new Passage(procedure, [], false);
    }

    /// <summary>Snippets whose main topic is the question's first, then those sharing its words; document order breaks ties.</summary>
    private List<Snippet> Rank(List<Snippet> snippets, string topic, IReadOnlyList<Token> question)
    {
        // Words shared, counted from the question's few words rather than the snippet's many.
        var words = question.Select(t => t.Text).Where(w => w.Length >= 4).Distinct().ToList();
        return snippets
            .Select((s, order) => (Snippet: s, Order: order, Score: (s.Topics[0] == topic ? 2 : 0) + words.Count(snippetWords[s.Id].Contains)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Order)
            .Take(MaxQuotes)
            .OrderBy(x => x.Order)
            .Select(x => x.Snippet)
            .ToList();
    }
}
