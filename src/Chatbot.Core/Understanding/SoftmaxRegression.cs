using System.Numerics;
using System.Runtime.InteropServices;

namespace Chatbot.Core.Understanding;

/// <summary>One training message: its topic and its features, as rows of the classifier with their weights.</summary>
internal readonly record struct TrainingRow(int Topic, (int Row, double Weight)[] Features);

/// <summary>
/// Softmax regression on the classifier's own scores: the same weighted features, the same
/// per-message scale, so its weights can be added to the Naive Bayes gains. Naive Bayes counts what
/// each feature goes with; this learns what tells two topics apart ("after" with pain is recovery,
/// with relief efficacy), and the two make different mistakes (blind set: 93.3 and 92.8 % alone,
/// 94.7 % together). See docs/decisions/008-topic-ensemble.md.
/// </summary>
internal static class SoftmaxRegression
{
    /// <summary>Passes over the examples; 15 to 60 scored alike in cross-validation.</summary>
    private const int Epochs = 30;

    /// <summary>First step size, divided by the pass number: large steps early, settling later.</summary>
    private const double Rate = 5;

    /// <summary>Pull of each weight towards 0 when its feature is seen: rare features stay modest.</summary>
    private const double Decay = 0.0003;

    /// <summary>
    /// Runs averaged, each visiting the examples in its own order. One run's answers depend on that
    /// order by a message or two per 100 (three seeds: blind 94.4–94.8 %, `--cold` 98.8–99.3 %);
    /// the average does not hang on one arbitrary seed. Four runs, two at a time on two cores.
    /// </summary>
    private static readonly int[] Seeds = [2026_12_03, 1, 2, 3];

    /// <returns>Weights, row-major: <c>[row * topics + topic]</c>.</returns>
    /// <param name="emphasis">Per row, the weight the classifier gives the feature (its informativeness).</param>
    /// <param name="temperature">The classifier's softmax temperature per feature.</param>
    public static float[] Train(IReadOnlyList<TrainingRow> examples, int topics, float[] emphasis, double temperature)
    {
        var runs = new float[Seeds.Length][];
        Parallel.For(0, Seeds.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => runs[i] = TrainOnce(examples, topics, emphasis, temperature, Seeds[i]));
        // Summed in a fixed order: the same content always trains the same model (the snapshot relies on it).
        var average = new float[runs[0].Length];
        foreach (var run in runs)
            for (var k = 0; k < average.Length; k++) average[k] += run[k] / Seeds.Length;
        return average;
    }

    private static float[] TrainOnce(IReadOnlyList<TrainingRow> examples, int topics, float[] emphasis, double temperature, int seed)
    {
        // Rows padded to whole vectors: ~6 000 examples × 30 passes × ~80 features × every topic, in SIMD.
        var stride = (topics + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        var weights = new float[emphasis.Length * stride];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var scores = new float[stride];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = Rate / (1 + epoch);
            var keep = new Vector<float>((float)(1 - rate * Decay));
            foreach (var i in order)
            {
                var (truth, features) = examples[i];
                Array.Clear(scores);
                var sum = MemoryMarshal.Cast<float, Vector<float>>(scores.AsSpan());
                double known = 0;
                foreach (var (row, weight) in features)
                {
                    var a = weight * emphasis[row];
                    known += a;
                    var w = Row(weights, row, stride);
                    for (var v = 0; v < w.Length; v++) sum[v] += w[v] * (float)a;
                }
                if (known == 0) continue;
                var scale = 1 / (temperature * Math.Sqrt(known));
                Gradient(scores.AsSpan(0, topics), scale, truth);
                foreach (var (row, weight) in features)
                {
                    var step = new Vector<float>((float)(rate * scale * weight * emphasis[row]));
                    var w = Row(weights, row, stride);
                    for (var v = 0; v < w.Length; v++) w[v] = w[v] * keep - step * sum[v];
                }
            }
        }
        var compact = new float[emphasis.Length * topics];
        for (var r = 0; r < emphasis.Length; r++) weights.AsSpan(r * stride, topics).CopyTo(compact.AsSpan(r * topics));
        return compact;
    }

    private static Span<Vector<float>> Row(float[] weights, int row, int stride) =>
        MemoryMarshal.Cast<float, Vector<float>>(weights.AsSpan(row * stride, stride));

    /// <summary>Replaces the scores by the gradient of the loss: softmax probability minus 1 for the true topic.</summary>
    private static void Gradient(Span<float> scores, double scale, int truth)
    {
        var best = scores[0];
        foreach (var score in scores) best = Math.Max(best, score);
        double sum = 0;
        for (var t = 0; t < scores.Length; t++) sum += scores[t] = (float)Math.Exp((scores[t] - best) * scale);
        for (var t = 0; t < scores.Length; t++) scores[t] = (float)(scores[t] / sum - (t == truth ? 1 : 0));
    }
}
