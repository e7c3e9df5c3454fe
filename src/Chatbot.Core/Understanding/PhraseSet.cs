namespace Chatbot.Core.Understanding;

/// <summary>
/// Many phrases, indexed by their first word: finding all of them in a message costs one lookup
/// per word instead of one scan per phrase.
/// </summary>
public sealed class PhraseSet<T>
{
    private readonly Dictionary<string, List<(Phrase Phrase, T Value)>> byFirstWord = new(StringComparer.Ordinal);
    private readonly List<(Phrase Phrase, T Value)> startingWithPrefix = [];

    public PhraseSet(IEnumerable<(Phrase Phrase, T Value)> phrases)
    {
        foreach (var entry in phrases.Where(p => p.Phrase.Words.Length > 0))
        {
            if (entry.Phrase.Prefix[0])
            {
                startingWithPrefix.Add(entry);
                continue;
            }
            if (!byFirstWord.TryGetValue(entry.Phrase.Words[0], out var list)) byFirstWord[entry.Phrase.Words[0]] = list = [];
            list.Add(entry);
        }
    }

    /// <summary>Every occurrence: where it starts, which phrase, and its value.</summary>
    public List<(int Index, Phrase Phrase, T Value)> FindAll(IReadOnlyList<Token> tokens)
    {
        var found = new List<(int, Phrase, T)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (byFirstWord.TryGetValue(tokens[i].Text, out var candidates))
            {
                foreach (var (phrase, value) in candidates)
                {
                    if (i + phrase.Words.Length <= tokens.Count && phrase.MatchesAt(tokens, i)) found.Add((i, phrase, value));
                }
            }
            foreach (var (phrase, value) in startingWithPrefix)
            {
                if (i + phrase.Words.Length <= tokens.Count && phrase.MatchesAt(tokens, i)) found.Add((i, phrase, value));
            }
        }
        return found;
    }
}
