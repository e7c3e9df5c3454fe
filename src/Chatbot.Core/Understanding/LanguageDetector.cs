using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Recognises French, Italian, English, or another language, from character trigrams learnt from
/// the content itself (examples, snippets, samples). The channel's locale is only a hint.
/// Two models: one trained on everything we have in fr/it/en picks among them; one trained on
/// equal amounts of text per language decides "another language" (unequal corpora would bias it).
/// </summary>
public sealed class LanguageDetector
{
    public const string Other = "other";
    private const double HintBonus = 1.5;
    private const int BalancedCharacters = 1500;
    private readonly TrigramModel ours;
    private readonly TrigramModel balanced;

    public LanguageDetector(ChatContent content)
    {
        var texts = ChatContent.SupportedLanguages.ToDictionary(l => l, _ => new List<string>());
        foreach (var (code, profile) in content.Languages) texts.GetValueOrDefault(code)?.Add(profile.Sample);
        foreach (var example in content.Examples) texts.GetValueOrDefault(example.Language)?.Add(example.Text);
        ours = new TrigramModel(texts.ToDictionary(t => t.Key, t => (IEnumerable<string>)t.Value.Concat(content.Snippets.Where(s => s.Document.Language == t.Key).Select(s => s.Text))));

        var equal = texts.ToDictionary(t => t.Key, t => Take(t.Value, BalancedCharacters));
        foreach (var group in content.ForeignSamples.GroupBy(s => Other + ":" + s.Key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')))
        {
            equal[group.Key] = Take(group.Select(s => s.Value), BalancedCharacters);
        }
        balanced = new TrigramModel(equal.ToDictionary(e => e.Key, e => (IEnumerable<string>)e.Value));
    }

    private LanguageDetector(TrigramModel ours, TrigramModel balanced)
    {
        this.ours = ours;
        this.balanced = balanced;
    }

    internal void Write(BinaryWriter writer)
    {
        ours.Write(writer);
        balanced.Write(writer);
    }

    internal static LanguageDetector Read(BinaryReader reader) => new(TrigramModel.Read(reader), TrigramModel.Read(reader));

    /// <summary>The language of the message: fr, it, en, or <see cref="Other"/>.</summary>
    /// <param name="fallback">The conversation's language so far, else the locale hint: used when the text is too short to tell.</param>
    public string Detect(string folded, string? hint, string fallback)
    {
        var letters = folded.Count(char.IsLetter);
        if (letters >= 6 && folded.Count(c => c is >= 'a' and <= 'z') < letters / 2) return Other;
        var trigrams = TrigramModel.Trigrams(folded);
        if (trigrams.Count < 6) return fallback;
        var foreign = balanced.Rank(trigrams, hint: null, 0);
        if (trigrams.Count >= 15 && foreign[0].Language.StartsWith(Other, StringComparison.Ordinal)
            && (foreign[0].Score - foreign[1].Score) / trigrams.Count > 0.1)
        {
            return Other;
        }
        var ranked = ours.Rank(trigrams, hint, HintBonus);
        var margin = (ranked[0].Score - ranked[1].Score) / trigrams.Count;
        return margin < 0.02 && trigrams.Count < 20 && ranked[1].Language == fallback ? fallback : ranked[0].Language;
    }

    private static List<string> Take(IEnumerable<string> texts, int characters)
    {
        var taken = new List<string>();
        var total = 0;
        foreach (var text in texts)
        {
            if (total >= characters) break;
            taken.Add(text);
            total += text.Length;
        }
        return taken;
    }

    /// <summary>Naive Bayes over character trigrams of words, one class per language.</summary>
    /// <remarks>
    /// A trigram is packed into a long (three UTF-16 units): no string per trigram, at training or per
    /// message. One table row per trigram holds every language's log-probability, so a message costs
    /// one lookup per trigram, not one per trigram and language.
    /// </remarks>
    private sealed class TrigramModel
    {
        private const int VocabularySize = 20_000;
        private readonly string[] languages;
        private readonly float[] unseen;
        private readonly Dictionary<long, int> rows;
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
            rows = [];
            foreach (var trigram in counts.SelectMany(c => c.Keys)) rows.TryAdd(trigram, rows.Count);
            logs = new float[rows.Count * languages.Length];
            foreach (var (trigram, row) in rows)
            {
                for (var l = 0; l < languages.Length; l++)
                {
                    logs[(row * languages.Length) + l] = counts[l].TryGetValue(trigram, out var n) ? (float)Math.Log((n + 1) / totals[l]) : unseen[l];
                }
            }
        }

        private TrigramModel(string[] languages, float[] unseen, Dictionary<long, int> rows, float[] logs) =>
            (this.languages, this.unseen, this.rows, this.logs) = (languages, unseen, rows, logs);

        public void Write(BinaryWriter writer)
        {
            writer.Write(languages.Length);
            foreach (var language in languages) writer.Write(language);
            UnderstandingSnapshot.WriteArray<float>(writer, unseen);
            var trigrams = new long[rows.Count];
            foreach (var (trigram, row) in rows) trigrams[row] = trigram;
            UnderstandingSnapshot.WriteArray<long>(writer, trigrams);
            UnderstandingSnapshot.WriteArray<float>(writer, logs);
        }

        public static TrigramModel Read(BinaryReader reader)
        {
            var languages = new string[reader.ReadInt32()];
            for (var l = 0; l < languages.Length; l++) languages[l] = reader.ReadString();
            var (unseen, trigrams, logs) = (UnderstandingSnapshot.ReadArray<float>(reader), UnderstandingSnapshot.ReadArray<long>(reader), UnderstandingSnapshot.ReadArray<float>(reader));
            if (unseen.Length != languages.Length || logs.Length != trigrams.Length * languages.Length) throw new InvalidDataException("trigram table is inconsistent");
            var rows = new Dictionary<long, int>(trigrams.Length);
            for (var i = 0; i < trigrams.Length; i++) rows.Add(trigrams[i], i);
            return new TrigramModel(languages, unseen, rows, logs);
        }

        public List<(string Language, double Score)> Rank(List<long> trigrams, string? hint, double hintBonus)
        {
            Span<double> scores = stackalloc double[languages.Length];
            for (var l = 0; l < languages.Length; l++) scores[l] = languages[l] == hint ? hintBonus : 0;
            foreach (var trigram in trigrams)
            {
                ReadOnlySpan<float> row = rows.TryGetValue(trigram, out var r) ? logs.AsSpan(r * languages.Length, languages.Length) : unseen;
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
}
