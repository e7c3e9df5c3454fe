using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Words that say which language a message is in: seen (nearly) only in one language's examples,
/// snippets and word lists. Character trigrams cannot tell a message of one or two words
/// ("Hello", "ciao", "who r u", "awake?"); such words can. Used only for short messages.
/// Names that every language uses alike (medicines and illnesses in two languages' <c>personal_factors</c>:
/// "eliquis", "xarelto") say nothing of the language and are left out of its trigrams.
/// </summary>
internal sealed class WordLanguages
{
    /// <summary>A word's share of one language for it to count, and how often it must have been seen.</summary>
    private const double Share = 2.0 / 3;
    private const int MinSeen = 2;

    /// <summary>
    /// A word of a language's own lists (greetings, SMS spellings, yes/no) weighs as three sightings.
    /// </summary>
    private const int ListWeight = 3;

    private readonly ulong[] words;
    private readonly byte[] languages;
    private readonly RowIndex rows;
    private readonly ulong[] names;
    private readonly RowIndex nameRows;

    public WordLanguages(ChatContent content)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        void Count(string language, string text, int weight)
        {
            var l = IndexOf(language);
            if (l < 0) return;
            foreach (var (word, _) in Folding.Words(Folding.Fold(text)))
            {
                if (word.Any(char.IsDigit)) continue;
                if (!counts.TryGetValue(word, out var seen))
                {
                    counts[word] = seen = new int[ChatContent.SupportedLanguages.Count];
                }
                seen[l] += weight;
            }
        }
        foreach (var example in content.Examples) Count(example.Language, example.Text, 1);
        foreach (var snippet in content.Snippets) Count(snippet.Document.Language, snippet.Text, 1);
        foreach (var (language, profile) in content.Languages)
        {
            foreach (var phrase in profile.Greetings.Concat(profile.Thanks).Concat(profile.Goodbyes)
                         .Concat(profile.Yes).Concat(profile.No).Concat(profile.Sms.Keys))
                Count(language, phrase, ListWeight);
        }
        var telling = counts.Where(c => c.Value.Sum() >= MinSeen && c.Value.Max() >= Share * c.Value.Sum())
            .OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        words = [.. telling.Select(c => Key(c.Key))];
        languages = [.. telling.Select(c => (byte)Array.IndexOf(c.Value, c.Value.Max()))];
        rows = new RowIndex(words);
        names = [.. SharedNames(content).Select(Key).Order()];
        nameRows = new RowIndex(names);
    }

    private WordLanguages(ulong[] words, byte[] languages, ulong[] names)
    {
        if (languages.Length != words.Length || languages.Any(l => l >= ChatContent.SupportedLanguages.Count))
        {
            throw new InvalidDataException("word languages do not match their words");
        }
        this.words = words;
        this.languages = languages;
        rows = new RowIndex(words);
        this.names = names;
        nameRows = new RowIndex(names);
    }

    /// <summary>Single words (no wildcard) in the personal factors of two languages or more.</summary>
    private static IEnumerable<string> SharedNames(ChatContent content) => content.Languages.Values
        .SelectMany(l => l.PersonalFactors.Select(Folding.Fold).Where(IsOneName).Distinct())
        .GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() >= 2).Select(g => g.Key);

    private static bool IsOneName(string folded) =>
        !folded.Contains(' ', StringComparison.Ordinal) && !folded.Contains('*', StringComparison.Ordinal);

    /// <summary>The message without the names all languages share ("prende anche l eliquis").</summary>
    public string WithoutNames(string folded)
    {
        var all = Folding.Words(folded);
        var kept = all.Where(w => !nameRows.TryGetRow(Key(w.Word), out _)).Select(w => w.Word).ToList();
        return kept.Count == all.Count ? folded : string.Join(' ', kept);
    }

    internal void Write(BinaryWriter writer)
    {
        UnderstandingSnapshot.WriteArray(writer, words);
        UnderstandingSnapshot.WriteArray(writer, languages);
        UnderstandingSnapshot.WriteArray(writer, names);
    }

    internal static WordLanguages Read(BinaryReader reader) => new(UnderstandingSnapshot.ReadArray<ulong>(reader),
        UnderstandingSnapshot.ReadArray<byte>(reader), UnderstandingSnapshot.ReadArray<ulong>(reader));

    /// <summary>The one language the message's telling words name; null when none does, or they disagree.</summary>
    public string? Vote(string folded)
    {
        string? found = null;
        foreach (var (word, _) in Folding.Words(folded))
        {
            if (!rows.TryGetRow(Key(word), out var row)) continue;
            var language = ChatContent.SupportedLanguages[languages[row]];
            if (found is not null && found != language) return null;
            found = language;
        }
        return found;
    }

    private static int IndexOf(string language)
    {
        for (var i = 0; i < ChatContent.SupportedLanguages.Count; i++)
        {
            if (ChatContent.SupportedLanguages[i] == language) return i;
        }
        return -1;
    }

    private static ulong Key(string word) => TopicClassifier.Hash('l', word);
}
