using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>A topic and how sure the classifier is (0..1).</summary>
public readonly record struct TopicGuess(string Topic, double Confidence)
{
    /// <summary>The next most likely topic, used when the first is ruled out.</summary>
    public string RunnerUp { get; init; } = Topic;
}

/// <summary>
/// Naive Bayes over words, word prefixes, word pairs and character 4-grams, trained at start-up
/// from <c>dialogs/intents</c> (a few milliseconds). One model for all languages: patients mix them,
/// and features of one language never fire on another. See docs/decisions/001-understanding.md.
/// </summary>
public sealed class TopicClassifier
{
    /// <summary>Softmax temperature per feature: measured on the dev set so confidences are calibrated.</summary>
    private const double Temperature = 0.55;
    private readonly string[] topics;
    private readonly Dictionary<string, double[]> logLikelihood = new(StringComparer.Ordinal);
    private readonly double[] unseen;

    public TopicClassifier(IEnumerable<(string Topic, IReadOnlyList<Token> Tokens)> examples)
    {
        var data = examples.ToList();
        topics = data.Select(e => e.Topic).Distinct().Order(StringComparer.Ordinal).ToArray();
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var totals = new double[topics.Length];
        foreach (var (topic, tokens) in data)
        {
            var t = Array.IndexOf(topics, topic);
            foreach (var (feature, weight) in Features(tokens))
            {
                if (!counts.TryGetValue(feature, out var row)) counts[feature] = row = new double[topics.Length];
                row[t] += weight;
                totals[t] += weight;
            }
        }
        const double alpha = 0.1;
        var v = counts.Count;
        unseen = totals.Select(total => Math.Log(alpha / (total + alpha * v))).ToArray();
        foreach (var (feature, row) in counts)
        {
            logLikelihood[feature] = row.Select((c, t) => Math.Log((c + alpha) / (totals[t] + alpha * v))).ToArray();
        }
    }

    public IReadOnlyList<string> Topics => topics;

    /// <summary>The most likely topic; confidence 0 when no known feature was seen (gibberish, emoji).</summary>
    public TopicGuess Classify(IReadOnlyList<Token> tokens)
    {
        var scores = new double[topics.Length];
        double known = 0;
        foreach (var (feature, weight) in Features(tokens))
        {
            if (!logLikelihood.TryGetValue(feature, out var row)) continue;
            known += weight;
            for (var t = 0; t < scores.Length; t++) scores[t] += weight * row[t];
        }
        if (known == 0) return new TopicGuess("out_of_scope", 0);
        var best = 0;
        for (var t = 1; t < scores.Length; t++) if (scores[t] > scores[best]) best = t;
        var second = best == 0 ? 1 : 0;
        for (var t = 0; t < scores.Length; t++) if (t != best && scores[t] > scores[second]) second = t;
        double sum = 0;
        var scale = 1 / (Temperature * Math.Sqrt(known));
        for (var t = 0; t < scores.Length; t++) sum += Math.Exp((scores[t] - scores[best]) * scale);
        return new TopicGuess(topics[best], 1 / sum) { RunnerUp = topics[second] };
    }

    /// <summary>Binary features: each counts once per message, whatever its repetitions.</summary>
    internal static Dictionary<string, double> Features(IReadOnlyList<Token> tokens)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (word.Length < 2 && !char.IsDigit(word[0])) continue;
            features.TryAdd("w:" + word, 1);
            if (word.Length > 5) features.TryAdd("p:" + word[..5], 0.7);
            if (i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence)
                features.TryAdd("b:" + word + "_" + tokens[i + 1].Text, 0.8);
            if (word.Length >= 4)
            {
                var padded = "_" + word + "_";
                for (var j = 0; j + 4 <= padded.Length; j++) features.TryAdd(string.Concat("c:", padded.AsSpan(j, 4)), 0.25);
            }
        }
        return features;
    }
}
