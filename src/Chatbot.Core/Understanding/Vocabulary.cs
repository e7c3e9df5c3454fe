namespace Chatbot.Core.Understanding;

/// <summary>
/// The words the bot knows (from examples, snippets, names and rules), used to correct one-letter
/// typos: "anestesie" → "anesthesie" is not possible at distance 1, but "jeune"/"jeun", "fievre"/"fivre" are.
/// Lookups use a delete index (SymSpell-style), so a correction costs a few hash lookups.
/// </summary>
public sealed class Vocabulary
{
    private const int MinLength = 5;
    private readonly Dictionary<string, int> frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> deletes = new(StringComparer.Ordinal);

    private readonly HashSet<string> clean;

    /// <param name="words">Every word the content uses (with repetitions: frequency breaks ties).</param>
    /// <param name="cleanWords">Words from edited text (names, snippets, rules), free of patients' typos.</param>
    public Vocabulary(IEnumerable<string> words, IEnumerable<string> cleanWords)
    {
        clean = cleanWords.ToHashSet(StringComparer.Ordinal);
        foreach (var word in words)
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }
        foreach (var word in frequency.Keys.Where(w => w.Length >= MinLength - 1))
        {
            for (var i = 0; i < word.Length; i++)
            {
                var key = word.Remove(i, 1);
                if (!deletes.TryGetValue(key, out var list)) deletes[key] = list = [];
                list.Add(word);
            }
        }
    }

    public bool Contains(string word) => frequency.ContainsKey(word);

    /// <summary>
    /// "losteosynthese", "lassicurazione": an elision typed without its apostrophe. Returns the word
    /// with its one-letter article kept apart, or null. Checked against clean words (names,
    /// snippets, rules), since patients' examples contain the same glued forms.
    /// </summary>
    public string? SplitGluedElision(string word) =>
        word.Length >= 6 && word[0] is 'l' or 'd' or 'j' or 'n' or 's' or 'm' or 't' or 'c'
            && clean.Contains(word[1..]) && !clean.Contains(word) ? word : null;

    public int Count => frequency.Count;

    /// <summary>The known word one edit away (insertion, deletion, substitution, swap), the most frequent; else the word itself.</summary>
    public string Correct(string word)
    {
        if (word.Length < MinLength || frequency.ContainsKey(word) || word.Any(char.IsDigit)) return word;
        string? best = null;
        var bestCount = 0;
        void Consider(string candidate)
        {
            var count = frequency.GetValueOrDefault(candidate);
            if (count > bestCount && IsOneEdit(word, candidate)) (best, bestCount) = (candidate, count);
        }
        if (deletes.TryGetValue(word, out var inserted)) inserted.ForEach(Consider);
        for (var i = 0; i < word.Length; i++)
        {
            var key = word.Remove(i, 1);
            if (frequency.ContainsKey(key)) Consider(key);
            if (deletes.TryGetValue(key, out var list)) list.ForEach(Consider);
        }
        return best ?? word;
    }

    private static bool IsOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b) return false;
        if (a.Length == b.Length)
        {
            var diffs = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
            return diffs.Count == 1 || (diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]]);
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        var skip = 0;
        while (skip < shorter.Length && longer[skip] == shorter[skip]) skip++;
        return string.CompareOrdinal(longer, skip + 1, shorter, skip, shorter.Length - skip) == 0;
    }
}
