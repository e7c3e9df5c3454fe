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

/// <summary>A question as the index ranks snippets for it: its keys (stems, concepts) and their weights.</summary>
/// <param name="Named">The concepts of its words that do not name the procedure ("bruise", not "screw").</param>
public sealed record Asked(List<(string Key, double Weight)> Keys, HashSet<string> Named);

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
/// Within a topic, the snippets that share the question's words (their first five letters, so "solidify"
/// meets "solidifica") and concepts (<see cref="Concepts"/>) rank first, a word weighing more the fewer
/// snippets use it (the inverse document frequency of BM25, without its length term: snippets are one to
/// three sentences).
/// </summary>
public sealed class SnippetIndex
{
    public const int MaxQuotes = 3;

    /// <summary>A snippet whose main topic is the question's counts as much as two rare shared words.</summary>
    private const double MainTopic = 2;

    private readonly Dictionary<(string Topic, string Procedure), List<Indexed>> specific = [];
    private readonly Dictionary<(string Topic, string Procedure), List<Indexed>> general = [];
    private readonly Dictionary<string, double> weights = [];
    private readonly Concepts concepts;
    private readonly HashSet<string> procedureNames;
    private readonly HashSet<string> procedureWords;
    private readonly PhraseSet<string> wholeLists;

    public SnippetIndex(ChatContent content)
    {
        concepts = new Concepts(content.Languages);
        procedureNames = ProcedureNames(content);
        procedureWords = ProcedureWords(content);
        wholeLists = PhraseSets.PerLanguage(content.Languages, l => l.ListQuestions);
        var keysOf = content.Snippets.ToDictionary(s => s, s => Keys(Folding.Fold(s.Text), s.Document.Language));
        Weigh(keysOf.Values);
        foreach (var snippet in content.Snippets)
        {
            var table = snippet.Document.IsGeneral ? general : specific;
            var indexed = new Indexed([snippet], [keysOf[snippet]], keysOf[snippet], snippet.PartOf);
            foreach (var topic in snippet.Topics)
            {
                foreach (var procedure in snippet.Document.Procedures)
                {
                    if (!table.TryGetValue((topic, procedure), out var list)) table[(topic, procedure)] = list = [];
                    // The next item of the list just indexed joins it (validation keeps items consecutive).
                    var joins = snippet.PartOf is not null && list.Count > 0 && list[^1].PartOf == snippet.PartOf;
                    if (joins) list[^1] = list[^1].Joining(snippet, keysOf[snippet]);
                    else list.Add(indexed);
                }
            }
        }
    }

    /// <summary>
    /// The question's words and concepts, weighed once for every procedure it is asked for. A question for the
    /// whole list ("quels sont les risques ? j'ai lu que le ciment pouvait fuir") names no item to narrow it to.
    /// </summary>
    public Asked Ask(IReadOnlyList<Token> question, string language) => new(Keys(question, language),
        wholeLists.FindAll(question).Any(m => m.Value == language) ? new HashSet<string>(StringComparer.Ordinal)
        : question.Where(t => !procedureWords.Contains(t.Text))
            .SelectMany(t => concepts.Of(t.Text, language)).Select(c => "#" + c).ToHashSet(StringComparer.Ordinal));

    /// <summary>What the documents say on this topic for this procedure; empty when they say nothing.</summary>
    public Passage Find(string topic, string procedure, Asked asked)
    {
        var background = general.GetValueOrDefault((topic, procedure));
        if (specific.TryGetValue((topic, procedure), out var own) && !OnlyInGeneral(own, background, asked.Keys))
            return new Passage(procedure, Rank(own, topic, asked), false);
        if (background is not null) return new Passage(procedure, Rank(background, topic, asked), true);
        return new Passage(procedure, [], false);
    }

    /// <summary>One of a message's several questions: its quotes for this procedure, headed by its topic.</summary>
    public Passage ForQuestion(string topic, IReadOnlyList<Token> words, string procedure, string language) =>
        Find(topic, procedure, Ask(words, language)) with { Topic = topic };

    /// <summary>What the general article says on this topic, whichever of these procedures it is.</summary>
    public Passage? General(string topic, IEnumerable<string> procedures, Asked asked)
    {
        foreach (var procedure in procedures)
        {
            if (general.TryGetValue((topic, procedure), out var background))
                return new Passage(procedure, Rank(background, topic, asked), true);
        }
        return null;
    }

    /// <summary>
    /// The question names a concept ("how long will the pain last?") that none of the procedure's own sentences
    /// on the topic mentions, and a general article in the same language does ("une diminution rapide des
    /// douleurs, en deux ou trois jours"): that sentence answers, said to be general, rather than the
    /// procedure's sentences on other things. A document in another language than the general article's (the
    /// Italian one) keeps its own sentences: they are in its patients' language.
    /// </summary>
    private static bool OnlyInGeneral(List<Indexed> own, List<Indexed>? background, List<(string Key, double Weight)> asked)
    {
        if (background is null || own[0].Snippets[0].Document.Language != background[0].Snippets[0].Document.Language)
            return false;
        foreach (var (key, _) in asked)
        {
            if (key[0] != '#' || own.Any(s => s.Keys.Contains(key))) continue;
            if (background.Any(s => s.Keys.Contains(key))) return true;
        }
        return false;
    }

    /// <summary>
    /// Snippets whose main topic is the question's first, then those sharing its words; document order
    /// breaks ties. A plain loop and a top-three kept in place: it runs once per candidate procedure.
    /// </summary>
    private static List<Snippet> Rank(List<Indexed> snippets, string topic, Asked asked)
    {
        Span<int> best = stackalloc int[MaxQuotes];
        Span<double> bestScore = stackalloc double[MaxQuotes];
        var kept = 0;
        for (var i = 0; i < snippets.Count; i++)
        {
            var score = (snippets[i].IsMainlyAbout(topic) ? MainTopic : 0) + Shared(snippets[i].Keys, asked.Keys);
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
        foreach (var i in best[..kept]) ranked.AddRange(snippets[i].Asked(asked.Named));
        return ranked;
    }

    /// <summary>The question's distinct keys and their weights.</summary>
    private List<(string Key, double Weight)> Keys(IReadOnlyList<Token> question, string language)
    {
        var asked = new List<(string, double)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in question)
            foreach (var key in procedureNames.Contains(token.Text) ? [] : KeysOf(token.Text, language))
                if (seen.Add(key) && weights.TryGetValue(key, out var weight)) asked.Add((key, weight));
        return asked;
    }

    /// <summary>
    /// The long one-word names of the procedures ("cementoplastica", "ostéosynthèse"): the passage is already
    /// that procedure's, so naming it says nothing of which sentence is asked for, and its first five letters
    /// would favour every sentence that says "cemento". Short names ("ciment") are words of the texts too.
    /// </summary>
    private static HashSet<string> ProcedureNames(ChatContent content) =>
        content.ProcedureNames(labels: false, cues: false).Select(Folding.Fold)
            .Where(name => name.Length > 8 && !name.Contains(' ')).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every word that names a procedure, cues included ("screw", "spinal"): not what is asked about.</summary>
    private static HashSet<string> ProcedureWords(ChatContent content) =>
        content.ProcedureNames()
            .SelectMany(name => Folding.Words(Folding.Fold(name.Replace("*", " ", StringComparison.Ordinal))))
            .Select(w => w.Word).ToHashSet(StringComparer.Ordinal);

    /// <summary>The weight of the question's keys the snippet has.</summary>
    private static double Shared(HashSet<string> snippetKeys, List<(string Key, double Weight)> asked)
    {
        var shared = 0.0;
        foreach (var (key, weight) in asked) if (snippetKeys.Contains(key)) shared += weight;
        return shared;
    }

    private HashSet<string> Keys(string folded, string language)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, _) in Folding.Words(folded)) keys.UnionWith(KeysOf(word, language));
        return keys;
    }

    /// <summary>A word of four letters or more by its first five, and the concepts any word names.</summary>
    private IEnumerable<string> KeysOf(string word, string language)
    {
        if (word.Length >= 4) yield return word.Length > 5 ? word[..5] : word;
        foreach (var concept in concepts.Of(word, language)) yield return "#" + concept;
    }

    /// <summary>ln(N/df)/ln(N): about 1 for a key one snippet has, 0 for a key all have.</summary>
    private void Weigh(IEnumerable<HashSet<string>> snippets)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var keys in snippets)
        {
            total++;
            foreach (var key in keys) counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var scale = Math.Log(Math.Max(total, 2));
        foreach (var (key, count) in counts) weights[key] = Math.Log((double)Math.Max(total, 2) / count) / scale;
    }

    /// <summary>One snippet, or the items of one list in source order, each with its own keys.</summary>
    private sealed record Indexed(
        IReadOnlyList<Snippet> Snippets, IReadOnlyList<HashSet<string>> ItemKeys, HashSet<string> Keys, string? PartOf)
    {
        public Indexed Joining(Snippet item, HashSet<string> keys) => new(
            [.. Snippets, item], [.. ItemKeys, keys], new HashSet<string>(Keys.Concat(keys), StringComparer.Ordinal),
            PartOf);

        /// <summary>
        /// A list is quoted whole, unless the question names a concept only some items have ("a small bruise
        /// where the needle went"): then its first item, which says what the list is, and those items. A
        /// patient asking about a bruise is not read every risk down to death.
        /// </summary>
        public IReadOnlyList<Snippet> Asked(HashSet<string> concepts)
        {
            if (Snippets.Count == 1 || concepts.Count == 0) return Snippets;
            var named = ItemKeys.Select(keys => keys.Overlaps(concepts)).ToList();
            if (!named.Contains(true) || !named.Contains(false)) return Snippets;
            return Snippets.Where((_, i) => i == 0 || named[i]).ToList();
        }

        public bool IsMainlyAbout(string topic)
        {
            foreach (var snippet in Snippets) if (snippet.Topics[0] == topic) return true;
            return false;
        }
    }
}
