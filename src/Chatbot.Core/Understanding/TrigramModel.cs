namespace Chatbot.Core.Understanding;

/// <summary>Naive Bayes over character trigrams of words, one class per language.</summary>
/// <remarks>
/// A trigram is packed into a long (three UTF-16 units): no string per trigram, at training or per
/// message. One table row per trigram holds every language's log-probability, so a message costs
/// one lookup per trigram, not one per trigram and language.
/// </remarks>
internal sealed class TrigramModel
{
    private const int VocabularySize = 20_000;
    private readonly string[] languages;
    private readonly float[] unseen;
    private readonly long[] trigrams;
    private readonly RowIndex rows;
    private readonly float[] logs;

    public TrigramModel(Dictionary<string, IEnumerable<string>> texts)
    {
        var counts = new List<Dictionary<long, int>>();
        foreach (var list in texts.Values)
        {
            var count = new Dictionary<long, int>();
            var buffer = new List<long>();
            foreach (var text in list)
            {
                buffer.Clear();
                AddTrigrams(Folding.Fold(text), buffer);
                foreach (var trigram in buffer) count[trigram] = count.GetValueOrDefault(trigram) + 1;
            }
            counts.Add(count);
        }
        languages = [.. texts.Keys];
        var totals = counts.Select(c => (double)c.Values.Sum() + VocabularySize).ToArray();
        unseen = [.. totals.Select(total => (float)Math.Log(1 / total))];
        trigrams = [.. counts.SelectMany(c => c.Keys).Distinct()];
        rows = Index(trigrams);
        logs = new float[trigrams.Length * languages.Length];
        for (var row = 0; row < trigrams.Length; row++)
        {
            var trigram = trigrams[row];
            for (var l = 0; l < languages.Length; l++)
            {
                logs[(row * languages.Length) + l] = counts[l].TryGetValue(trigram, out var n) ? (float)Math.Log((n + 1) / totals[l]) : unseen[l];
            }
        }
    }

    private TrigramModel(string[] languages, float[] unseen, long[] trigrams, float[] logs) =>
        (this.languages, this.unseen, this.trigrams, rows, this.logs) = (languages, unseen, trigrams, Index(trigrams), logs);

    private static RowIndex Index(long[] trigrams) => new(System.Runtime.InteropServices.MemoryMarshal.Cast<long, ulong>(trigrams.AsSpan()));

    public void Write(BinaryWriter writer)
    {
        writer.Write(languages.Length);
        foreach (var language in languages) writer.Write(language);
        UnderstandingSnapshot.WriteArray<float>(writer, unseen);
        UnderstandingSnapshot.WriteArray<long>(writer, trigrams);
        UnderstandingSnapshot.WriteArray<float>(writer, logs);
    }

    public static TrigramModel Read(BinaryReader reader)
    {
        var languages = new string[reader.ReadInt32()];
        for (var l = 0; l < languages.Length; l++) languages[l] = reader.ReadString();
        var (unseen, trigrams, logs) = (UnderstandingSnapshot.ReadArray<float>(reader), UnderstandingSnapshot.ReadArray<long>(reader), UnderstandingSnapshot.ReadArray<float>(reader));
        if (unseen.Length != languages.Length || logs.Length != trigrams.Length * languages.Length) throw new InvalidDataException("trigram table is inconsistent");
        return new TrigramModel(languages, unseen, trigrams, logs);
    }

    public List<(string Language, double Score)> Rank(List<long> trigrams, string? hint, double hintBonus)
    {
        Span<double> scores = stackalloc double[languages.Length];
        for (var l = 0; l < languages.Length; l++) scores[l] = languages[l] == hint ? hintBonus : 0;
        foreach (var trigram in trigrams)
        {
            ReadOnlySpan<float> row = rows.TryGetRow((ulong)trigram, out var r) ? logs.AsSpan(r * languages.Length, languages.Length) : unseen;
            for (var l = 0; l < languages.Length; l++) scores[l] += row[l];
        }
        var ranked = new List<(string, double)>(languages.Length);
        for (var l = 0; l < languages.Length; l++) ranked.Add((languages[l], scores[l]));
        ranked.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return ranked;
    }

    public static List<long> Trigrams(string folded)
    {
        var trigrams = new List<long>();
        AddTrigrams(folded, trigrams);
        return trigrams;
    }

    /// <summary>Trigrams of each word padded with spaces (" je", "je "); words with digits are skipped.</summary>
    private static void AddTrigrams(string folded, List<long> trigrams)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && char.IsLetterOrDigit(folded[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            var word = folded.AsSpan(start, i - start);
            start = -1;
            if (word.ContainsAny(Digits)) continue;
            for (var j = -1; j + 2 <= word.Length; j++)
            {
                trigrams.Add(((long)At(word, j) << 32) | ((long)At(word, j + 1) << 16) | At(word, j + 2));
            }
        }
    }

    private static char At(ReadOnlySpan<char> word, int index) => index < 0 || index >= word.Length ? ' ' : word[index];

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
}
