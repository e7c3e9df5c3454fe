using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Many phrases, indexed by their first word (or, for a first word that is a prefix, by its first
/// two letters): finding all of them in a message costs a lookup or two per word instead of one
/// scan per phrase.
/// </summary>
public sealed class PhraseSet<T>
{
    private readonly Dictionary<string, List<(Phrase Phrase, T Value)>> byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<(Phrase Phrase, T Value)>> byFirstLetters = [];

    /// <summary>Prefixes of one letter: tried at every word (none in today's content).</summary>
    private readonly List<(Phrase Phrase, T Value)> startingWithShortPrefix = [];

    public PhraseSet(IEnumerable<(Phrase Phrase, T Value)> phrases)
    {
        var entries = phrases.Where(p => p.Phrase.Words.Length > 0).ToList();
        // With a one-letter prefix, every prefix phrase is tried at every word, as found in that order.
        var shortPrefix = entries.Any(e => e.Phrase.Prefix[0] && e.Phrase.Words[0].Length < 2);
        foreach (var entry in entries)
        {
            var first = entry.Phrase.Words[0];
            if (entry.Phrase.Prefix[0] && shortPrefix) startingWithShortPrefix.Add(entry);
            else if (entry.Phrase.Prefix[0]) Add(byFirstLetters, FirstLetters(first), entry);
            else Add(byFirstWord, first, entry);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<(Phrase, T)>> index, TKey key, (Phrase, T) entry) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(entry);
    }

    private static long FirstLetters(string word) => word.Length < 2 ? -1 : ((long)word[0] << 16) | word[1];

    /// <summary>Every occurrence: where it starts, which phrase, and its value.</summary>
    public List<(int Index, Phrase Phrase, T Value)> FindAll(IReadOnlyList<Token> tokens)
    {
        var found = new List<(int, Phrase, T)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (byFirstWord.TryGetValue(tokens[i].Text, out var candidates)) Match(tokens, i, candidates, found);
            if (byFirstLetters.Count > 0 && byFirstLetters.TryGetValue(FirstLetters(tokens[i].Text), out var prefixed)) Match(tokens, i, prefixed, found);
            if (startingWithShortPrefix.Count > 0) Match(tokens, i, startingWithShortPrefix, found);
        }
        return found;
    }

    /// <summary>Marks the words every occurrence spans; true when at least one was found.</summary>
    public bool Cover(IReadOnlyList<Token> tokens, bool[] covered)
    {
        var found = FindAll(tokens);
        foreach (var (index, phrase, _) in found) Array.Fill(covered, true, index, phrase.Words.Length);
        return found.Count > 0;
    }

    private static void Match(IReadOnlyList<Token> tokens, int i, List<(Phrase Phrase, T Value)> candidates, List<(int, Phrase, T)> found)
    {
        foreach (var (phrase, value) in candidates)
        {
            if (i + phrase.Words.Length <= tokens.Count && phrase.MatchesAt(tokens, i)) found.Add((i, phrase, value));
        }
    }
}

/// <summary>Phrase sets read from the language files.</summary>
public static class PhraseSets
{
    /// <summary>One list of each language file's phrases, each valued with its language.</summary>
    public static PhraseSet<string> PerLanguage(
        IReadOnlyDictionary<string, LanguageProfile> languages, Func<LanguageProfile, IReadOnlyList<string>> list) =>
        new(languages.SelectMany(l => list(l.Value).Select(p => (Tokeniser.Compile(p), l.Key))));
}
