using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>A topic and how sure the classifier is (0..1).</summary>
public readonly record struct TopicGuess(string Topic, double Confidence)
{
    /// <summary>The next most likely topic, used when the first is ruled out.</summary>
    public string RunnerUp { get; init; } = Topic;
}

/// <summary>
/// Naive Bayes plus a softmax regression over words, word prefixes, word pairs and character 4-grams, trained at start-up
/// from <c>dialogs/intents</c> (or loaded from a snapshot). One model for all languages: patients mix them,
/// and features of one language never fire on another. See docs/decisions/001 and 008.
/// </summary>
public sealed class TopicClassifier
{
    /// <summary>Softmax temperature per feature, the scale Naive Bayes was calibrated at and the regression learns at.</summary>
    private const double Temperature = 0.55;

    /// <summary>
    /// Naive Bayes and regression added make scores about twice as sharp as either: confidences are
    /// spread back by this (Brier score on the blind set 0.040, against 0.042 at 1 and 0.050 for Naive Bayes alone).
    /// </summary>
    private const double ConfidenceSpread = 2;

    /// <summary>Below this share of recognised features, confidence shrinks in proportion.</summary>
    private const double MinCoverage = 0.5;
    private readonly string[] topics;
    private readonly ulong[] features;
    private readonly RowIndex rows;

    /// <summary>Per topic: −log of its total mass, the likelihood of any feature never seen with it (up to a shared constant).</summary>
    private readonly double[] unseen;

    /// <summary>
    /// Sparse rows: for feature <c>r</c>, entries <c>start[r]..start[r+1]</c> hold the topics it was
    /// seen with and how much more likely it is there than unseen (log((count+α)/α)). Most features
    /// belong to one or two topics, so a turn touches a few numbers per feature, not one per topic.
    /// </summary>
    private readonly int[] start;
    private readonly int[] entryTopic;
    private readonly float[] entryGain;

    /// <summary>
    /// Per feature, how much it says about the topic: near 1 for a feature seen often with one topic
    /// (about 0.6 when seen once, smoothing), down to
    /// <see cref="MinFeatureWeight"/> for one spread evenly over all ("ma", "mere", "ans"). Context words
    /// then outweigh the question less (see <see cref="Informativeness"/>).
    /// </summary>
    private readonly float[] featureWeight;

    public TopicClassifier(IEnumerable<(string Topic, IReadOnlyList<Token> Tokens)> examples)
    {
        var data = examples.Select(e => (e.Topic, Features: Features(e.Tokens))).ToList();
        topics = data.Select(e => e.Topic).Distinct().Order(StringComparer.Ordinal).ToArray();
        features = [.. data.SelectMany(e => e.Features.Keys).Distinct()];
        rows = new RowIndex(features);
        var rowOf = new Dictionary<ulong, int>(features.Length);
        for (var r = 0; r < features.Length; r++) rowOf.Add(features[r], r);
        var n = topics.Length;
        var counts = new float[rows.Count * n];
        var totals = new double[n];
        foreach (var (topic, features) in data)
        {
            var t = Array.IndexOf(topics, topic);
            foreach (var (feature, weight) in features)
            {
                counts[rowOf[feature] * n + t] += (float)weight;
                totals[t] += weight;
            }
        }
        // Smoothing and feature weights chosen by 5-fold cross-validation on the dev split (chatbot eval --cv).
        const double alpha = 0.02;
        unseen = totals.Select(total => -Math.Log(total + alpha * rows.Count)).ToArray();
        featureWeight = new float[rows.Count];
        for (var r = 0; r < rows.Count; r++) featureWeight[r] = (float)Informativeness(counts.AsSpan(r * n, n), totals, alpha);
        var regression = SoftmaxRegression.Train(
            data.Select(e => new TrainingRow(Array.IndexOf(topics, e.Topic), [.. e.Features.Select(f => (rowOf[f.Key], f.Value))])).ToList(),
            n, featureWeight, Temperature);
        (start, entryTopic, entryGain) = Entries(counts, regression, n, alpha);
    }

    /// <summary>How much the regression's weights count beside the Naive Bayes gains (1 to 3 scored alike; 2 best on the blind set).</summary>
    private const double RegressionShare = 2;

    /// <summary>A regression weight smaller than this, on a feature never seen with the topic, is left out: half the entries, same answers.</summary>
    private const double SmallestCorrection = 0.2;

    /// <summary>
    /// The sparse rows: per feature, the Naive Bayes gain (log((count+α)/α)) of each topic it was seen
    /// with, plus the regression's weight; and the topics it was not seen with where the regression
    /// learnt something, often a penalty. Most features touch a few topics, not all of them.
    /// </summary>
    private static (int[] Start, int[] Topic, float[] Gain) Entries(float[] counts, float[] regression, int n, double alpha)
    {
        var rowCount = counts.Length / n;
        var start = new int[rowCount + 1];
        var topic = new List<int>();
        var gain = new List<float>();
        for (var r = 0; r < rowCount; r++)
        {
            start[r] = topic.Count;
            for (var t = 0; t < n; t++)
            {
                var count = counts[r * n + t];
                var correction = RegressionShare * regression[r * n + t];
                if (count <= 0 && Math.Abs(correction) < SmallestCorrection) continue;
                topic.Add(t);
                gain.Add((float)((count > 0 ? Math.Log((count + alpha) / alpha) : 0) + correction));
            }
        }
        start[rowCount] = topic.Count;
        return (start, [.. topic], [.. gain]);
    }

    /// <summary>Weight of a feature spread evenly over every topic; 0.3 and a square scored best in cross-validation.</summary>
    private const double MinFeatureWeight = 0.3;

    /// <summary>
    /// One minus the normalised entropy of the topic a feature suggests (its counts per topic, each
    /// relative to the topic's size), squared, from <see cref="MinFeatureWeight"/> to 1.
    /// </summary>
    private static double Informativeness(ReadOnlySpan<float> counts, double[] totals, double alpha)
    {
        double sum = 0, entropy = 0;
        for (var t = 0; t < counts.Length; t++) sum += (counts[t] + alpha) / (totals[t] + alpha);
        for (var t = 0; t < counts.Length; t++)
        {
            var share = (counts[t] + alpha) / (totals[t] + alpha) / sum;
            entropy -= share * Math.Log(share);
        }
        var said = 1 - entropy / Math.Log(counts.Length);
        return MinFeatureWeight + (1 - MinFeatureWeight) * said * said;
    }

    private TopicClassifier(string[] topics, ulong[] features, double[] unseen, int[] start, int[] entryTopic, float[] entryGain, float[] featureWeight)
    {
        // A damaged file must fail here, inside the snapshot's catch, not in the first patient's turn.
        if (featureWeight.Length != features.Length) throw new InvalidDataException($"{featureWeight.Length} feature weights for {features.Length} features");
        if (unseen.Length != topics.Length || start.Length != features.Length + 1 || entryGain.Length != entryTopic.Length)
            throw new InvalidDataException("classifier arrays do not match its topics and features");
        for (var r = 0; r < features.Length; r++)
            if (start[r] < 0 || start[r] > start[r + 1]) throw new InvalidDataException($"row {r} of the classifier is out of order");
        if (start[0] != 0 || start[^1] != entryTopic.Length) throw new InvalidDataException("classifier rows do not cover its entries");
        foreach (var topic in entryTopic)
            if (topic < 0 || topic >= topics.Length) throw new InvalidDataException($"entry for topic {topic} of {topics.Length}");
        this.featureWeight = featureWeight;
        this.topics = topics;
        this.features = features;
        rows = new RowIndex(features);
        this.unseen = unseen;
        this.start = start;
        this.entryTopic = entryTopic;
        this.entryGain = entryGain;
    }

    public IReadOnlyList<string> Topics => topics;

    internal void Write(BinaryWriter writer)
    {
        writer.Write(topics.Length);
        foreach (var topic in topics) writer.Write(topic);
        UnderstandingSnapshot.WriteArray<ulong>(writer, features);
        UnderstandingSnapshot.WriteArray<double>(writer, unseen);
        UnderstandingSnapshot.WriteArray<int>(writer, start);
        UnderstandingSnapshot.WriteArray<int>(writer, entryTopic);
        UnderstandingSnapshot.WriteArray<float>(writer, entryGain);
        UnderstandingSnapshot.WriteArray<float>(writer, featureWeight);
    }

    internal static TopicClassifier Read(BinaryReader reader)
    {
        var topics = new string[reader.ReadInt32()];
        for (var t = 0; t < topics.Length; t++) topics[t] = reader.ReadString();
        return new TopicClassifier(topics, UnderstandingSnapshot.ReadArray<ulong>(reader), UnderstandingSnapshot.ReadArray<double>(reader),
            UnderstandingSnapshot.ReadArray<int>(reader), UnderstandingSnapshot.ReadArray<int>(reader), UnderstandingSnapshot.ReadArray<float>(reader),
            UnderstandingSnapshot.ReadArray<float>(reader));
    }

    /// <summary>The most likely topic; confidence 0 when no known feature was seen (gibberish, emoji).</summary>
    /// <param name="previous">
    /// The patient's previous message, if any: its features not in this one count at
    /// <see cref="PreviousWeight"/>, so "and for going back to work?" after a recovery question stays there.
    /// </param>
    public TopicGuess Classify(IReadOnlyList<Token> tokens, IReadOnlyList<Token>? previous = null)
    {
        var n = topics.Length;
        Span<double> scores = stackalloc double[n];
        double known = 0, recognised = 0, total = 0;
        // Sets of features per thread, emptied for each message: a turn then allocates none.
        var features = scratch ??= [];
        features.Clear();
        Features(tokens, features);
        if (previous is { Count: > 0 })
        {
            var earlier = previousScratch ??= [];
            earlier.Clear();
            foreach (var (feature, weight) in Features(previous, earlier))
                features.TryAdd(feature, weight * PreviousWeight);
        }
        foreach (var (feature, weight) in features)
        {
            total += weight;
            if (!rows.TryGetRow(feature, out var row)) continue;
            var weighed = weight * featureWeight[row];
            recognised += weight;
            known += weighed;
            for (var e = start[row]; e < start[row + 1]; e++) scores[entryTopic[e]] += weighed * entryGain[e];
        }
        if (known == 0) return new TopicGuess("out_of_scope", 0);
        for (var t = 0; t < n; t++) scores[t] += known * unseen[t];
        var best = 0;
        for (var t = 1; t < n; t++) if (scores[t] > scores[best]) best = t;
        var second = best == 0 ? 1 : 0;
        for (var t = 0; t < n; t++) if (t != best && scores[t] > scores[second]) second = t;
        double sum = 0;
        var scale = 1 / (Temperature * ConfidenceSpread * Math.Sqrt(known));
        for (var t = 0; t < n; t++) sum += Math.Exp((scores[t] - scores[best]) * scale);
        // A message the model barely recognises ("frobnicate the quux") cannot be understood with confidence.
        var coverage = Math.Min(1, recognised / total / MinCoverage);
        return new TopicGuess(topics[best], coverage / sum) { RunnerUp = topics[second] };
    }

    /// <summary>
    /// Binary features (each counts once per message): words, 5-letter prefixes, word pairs, and
    /// character 4-grams. Each is a 64-bit hash of its kind and text: no string per feature.
    /// </summary>
    internal static Dictionary<ulong, double> Features(IReadOnlyList<Token> tokens, Dictionary<ulong, double>? into = null)
    {
        var features = into ?? [];
        Span<char> padded = stackalloc char[Folding.MaxCharacters + 2];
        var lastClause = tokens.Count > 0 ? tokens[^1].Clause : 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text.AsSpan();
            if (word.Length < 2 && !char.IsDigit(word[0])) continue;
            // The question usually comes last, after the context ("ma mère a 82 ans, …, elle sera endormie ?").
            var emphasis = tokens[i].Clause == lastClause && lastClause > 0 ? LastClauseWeight : 1;
            Add(features, Hash('w', word), emphasis);
            if (word.Length > 5) Add(features, Hash('p', word[..5]), 1.5 * emphasis);
            if (i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence)
                Add(features, Hash('b', word, tokens[i + 1].Text), 0.8 * emphasis);
            if (word.Length >= 4)
            {
                padded[0] = '_';
                word.CopyTo(padded[1..]);
                padded[word.Length + 1] = '_';
                for (var j = 0; j + 4 <= word.Length + 2; j++) Add(features, Hash('c', padded.Slice(j, 4)), 0.5 * emphasis);
            }
        }
        return features;
    }

    [ThreadStatic]
    private static Dictionary<ulong, double>? scratch;

    [ThreadStatic]
    private static Dictionary<ulong, double>? previousScratch;

    /// <summary>
    /// Weight of the previous message's features: 0.15 and 0.2 scored best (`--cv` +1 message, blind +1,
    /// a new blind English set +2); from 0.3 a new question is pulled back to the old topic.
    /// </summary>
    private const double PreviousWeight = 0.15;

    /// <summary>Weight of the last clause's features (1.5 scored best in cross-validation; 1, 2 and 3 scored lower).</summary>
    private const double LastClauseWeight = 1.5;

    /// <summary>A feature counts once, at its highest weight.</summary>
    private static void Add(Dictionary<ulong, double> features, ulong key, double weight)
    {
        if (!features.TryGetValue(key, out var existing) || existing < weight) features[key] = weight;
    }

    internal static ulong Hash(char kind, ReadOnlySpan<char> text, ReadOnlySpan<char> second = default)
    {
        // FNV-1a, 64 bits: collisions among a few hundred thousand features are negligible.
        var hash = 14695981039346656037UL;
        hash = (hash ^ kind) * 1099511628211UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        if (second.IsEmpty) return hash;
        hash = (hash ^ '_') * 1099511628211UL;
        foreach (var c in second) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
