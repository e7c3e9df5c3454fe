namespace Chatbot.Core.Understanding;

/// <summary>
/// The words the bot knows (from examples, snippets, names and rules), used to correct one-letter
/// typos: "fivre" → "fievre", "anestesia" stays (known), "vertebroplastei" → "vertebroplastie".
/// A correction tries every one-edit variant in a reused buffer and looks it up by span:
/// nothing to precompute at start-up, no allocation per candidate.
/// </summary>
public sealed class Vocabulary
{
    private const int MinLength = 5;
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private readonly Dictionary<string, int> frequency;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly HashSet<string> clean;

    /// <param name="words">Every word the content uses (with repetitions: frequency breaks ties).</param>
    /// <param name="cleanWords">Words from edited text (names, snippets, rules), free of patients' typos.</param>
    public Vocabulary(IEnumerable<string> words, IEnumerable<string> cleanWords)
    {
        clean = cleanWords.ToHashSet(StringComparer.Ordinal);
        frequency = new(StringComparer.Ordinal);
        foreach (var word in words) frequency[word] = frequency.GetValueOrDefault(word) + 1;
        lookup = frequency.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private Vocabulary(Dictionary<string, int> frequency, HashSet<string> clean)
    {
        this.frequency = frequency;
        this.clean = clean;
        lookup = frequency.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(frequency.Count);
        foreach (var (word, count) in frequency)
        {
            writer.Write(word);
            writer.Write(count);
        }
        writer.Write(clean.Count);
        foreach (var word in clean) writer.Write(word);
    }

    internal static Vocabulary Read(BinaryReader reader)
    {
        var words = reader.ReadInt32();
        var frequency = new Dictionary<string, int>(words, StringComparer.Ordinal);
        for (var i = 0; i < words; i++) frequency.Add(reader.ReadString(), reader.ReadInt32());
        var cleanWords = reader.ReadInt32();
        var clean = new HashSet<string>(cleanWords, StringComparer.Ordinal);
        for (var i = 0; i < cleanWords; i++) clean.Add(reader.ReadString());
        return new Vocabulary(frequency, clean);
    }

    public int Count => frequency.Count;

    public bool Contains(string word) => frequency.ContainsKey(word);

    /// <summary>
    /// "losteosynthese", "lassicurazione": an elision typed without its apostrophe. Returns the word
    /// when its tail is a clean word, else null. Checked against clean words only, since patients'
    /// examples contain the same glued forms.
    /// </summary>
    public string? SplitGluedElision(string word) =>
        word.Length >= 6 && word[0] is 'l' or 'd' or 'j' or 'n' or 's' or 'm' or 't' or 'c'
            && clean.Contains(word[1..]) && !clean.Contains(word) ? word : null;

    /// <summary>
    /// The most frequent known word one edit away (deletion, swap, substitution, insertion) that keeps
    /// the first letter; else the word itself. Patients rarely mistype a word's first letter, and
    /// editing it turned everyday words into others: Italian "venuto" (come) became "svenuto" (fainted),
    /// a red flag.
    /// </summary>
    public string Correct(string word)
    {
        if (word.Length < MinLength || frequency.ContainsKey(word) || word.Any(char.IsDigit)) return word;
        Span<char> buffer = stackalloc char[word.Length + 1];
        var source = word.AsSpan();
        var (best, bestCount) = (word, 0);
        void Consider(ReadOnlySpan<char> candidate)
        {
            if (lookup.TryGetValue(candidate, out var count) && count > bestCount)
            {
                (best, bestCount) = (candidate.ToString(), count);
            }
        }
        // The first two letters swapped ("lbeeding") keep the first letter typed among them.
        source.CopyTo(buffer);
        (buffer[0], buffer[1]) = (buffer[1], buffer[0]);
        Consider(buffer[..source.Length]);
        for (var i = 1; i < source.Length; i++)
        {
            // deletion
            source[..i].CopyTo(buffer);
            source[(i + 1)..].CopyTo(buffer[i..]);
            Consider(buffer[..(source.Length - 1)]);
            // swap with the next letter
            if (i + 1 < source.Length)
            {
                source.CopyTo(buffer);
                (buffer[i], buffer[i + 1]) = (buffer[i + 1], buffer[i]);
                Consider(buffer[..source.Length]);
            }
            // substitution
            source.CopyTo(buffer);
            foreach (var letter in Letters)
            {
                if (letter == source[i]) continue;
                buffer[i] = letter;
                Consider(buffer[..source.Length]);
            }
        }
        for (var i = 1; i <= source.Length; i++)
        {
            // insertion
            source[..i].CopyTo(buffer);
            source[i..].CopyTo(buffer[(i + 1)..]);
            foreach (var letter in Letters)
            {
                buffer[i] = letter;
                Consider(buffer[..(source.Length + 1)]);
            }
        }
        return best;
    }
}
