using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Knowledge;

/// <summary>A quote of a curated document, as shown to the patient and the channel.</summary>
/// <param name="Language">The document's language: a screen reader reads a French quote on an English page in French.</param>
public sealed record Citation(
    string SnippetId, string DocumentId, string Title, string? Publisher, string? Url, string Quote, string Language)
{
    public static Citation Of(Snippet snippet) => new(
        snippet.Id, snippet.Document.Id, snippet.Document.Title, snippet.Document.Publisher, snippet.Document.Url,
        snippet.Text, snippet.Document.Language);
}

/// <summary>The snippets that answer a topic for one procedure, best first.</summary>
/// <param name="FromGeneralSource">The quotes come from a general article, not a document on this procedure.</param>
public sealed record Passage(string Procedure, IReadOnlyList<Snippet> Snippets, bool FromGeneralSource)
{
    /// <summary>The question's topic, when a message asks several.</summary>
    public string? Topic { get; init; }
}

/// <summary>
/// Finds snippets by (topic, procedure). A document only ever answers for the procedures it covers;
/// a general article answers only where no specific document does. The items of one list (<c>part_of</c>)
/// are ranked and quoted as one passage, so a split list is quoted whole as before, and counts as one quote.
/// </summary>
public sealed class SnippetIndex
{
    public const int MaxQuotes = 3;
    private readonly Dictionary<(string Topic, string Procedure), List<Indexed>> specific = [];
    private readonly Dictionary<(string Topic, string Procedure), List<Indexed>> general = [];

    public SnippetIndex(ChatContent content)
    {
        foreach (var snippet in content.Snippets)
        {
            var table = snippet.Document.IsGeneral ? general : specific;
            var words = Folding.Words(Folding.Fold(snippet.Text)).Select(w => w.Word).Where(w => w.Length >= 4)
                .ToHashSet(StringComparer.Ordinal);
            var indexed = new Indexed([snippet], words, snippet.PartOf);
            foreach (var topic in snippet.Topics)
            {
                foreach (var procedure in snippet.Document.Procedures)
                {
                    if (!table.TryGetValue((topic, procedure), out var list)) table[(topic, procedure)] = list = [];
                    // The next item of the list just indexed joins it (validation keeps items consecutive).
                    var joins = snippet.PartOf is not null && list.Count > 0 && list[^1].PartOf == snippet.PartOf;
                    if (joins) list[^1] = list[^1].Joining(snippet, words);
                    else list.Add(indexed);
                }
            }
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
    /// <remarks>A plain loop and a top-three kept in place: it runs once per candidate procedure of every answer.</remarks>
    private static List<Snippet> Rank(List<Indexed> snippets, string topic, IReadOnlyList<Token> question)
    {
        Span<int> best = stackalloc int[MaxQuotes];
        Span<int> bestScore = stackalloc int[MaxQuotes];
        var words = DistinctWords(question);
        var kept = 0;
        for (var i = 0; i < snippets.Count; i++)
        {
            var score = (snippets[i].IsMainlyAbout(topic) ? 2 : 0) + Shared(snippets[i].Words, words);
            // Strictly better only: among equal scores the earlier snippet stays.
            var at = kept;
            while (at > 0 && bestScore[at - 1] < score) at--;
            if (at >= MaxQuotes) continue;
            for (var j = Math.Min(kept, MaxQuotes - 1); j > at; j--) (best[j], bestScore[j]) = (best[j - 1], bestScore[j - 1]);
            (best[at], bestScore[at]) = (i, score);
            kept = Math.Min(kept + 1, MaxQuotes);
        }
        best[..kept].Sort();
        var ranked = new List<Snippet>(kept);
        foreach (var i in best[..kept]) ranked.AddRange(snippets[i].Snippets);
        return ranked;
    }

    /// <summary>The question's distinct words of four letters or more, found once per ranking rather than once per snippet.</summary>
    private static List<string> DistinctWords(IReadOnlyList<Token> question)
    {
        var words = new List<string>();
        foreach (var token in question)
            if (token.Text.Length >= 4 && !words.Contains(token.Text)) words.Add(token.Text);
        return words;
    }

    /// <summary>How many of the question's words the snippet uses.</summary>
    private static int Shared(HashSet<string> snippetWords, List<string> questionWords)
    {
        var shared = 0;
        foreach (var word in questionWords) if (snippetWords.Contains(word)) shared++;
        return shared;
    }

    /// <summary>One snippet, or the items of one list in source order.</summary>
    private sealed record Indexed(IReadOnlyList<Snippet> Snippets, HashSet<string> Words, string? PartOf)
    {
        public Indexed Joining(Snippet item, HashSet<string> words) =>
            new([.. Snippets, item], new HashSet<string>(Words.Concat(words), StringComparer.Ordinal), PartOf);

        public bool IsMainlyAbout(string topic)
        {
            foreach (var snippet in Snippets) if (snippet.Topics[0] == topic) return true;
            return false;
        }
    }
}
