using System.Diagnostics;
using Chatbot.Core.Content;
using Chatbot.Core.Conversation;

namespace Chatbot.Cli;

/// <summary>
/// <c>chatbot bench</c>: a quick look at load time and per-turn latency. The reference figures come
/// from BenchmarkDotNet (tests/Chatbot.Benchmarks); this one needs no build of its own.
/// </summary>
public static class BenchCommand
{
    /// <summary>The mix patients send: questions, an emergency, a request for a person, small talk, typos.</summary>
    public static readonly string[] MixedQuestions =
    [
        "faut il etre a jeun pour l osteosynthese du bassin",
        "est ce que je serai endormi pendant la vertebroplastie",
        "quels sont les risques de la cimentoplastie pour metastases",
        "dopo la cementoplastica ossea quando posso camminare",
        "is a percutaneous osteosynthesis covered by insurance",
        "j ai 40 de fievre depuis mon operation",
        "je voudrais parler a une infirmiere",
        "ma mere de 82 ans va avoir une vertebroplastie jeudi, elle a tres peur, jpeux savoir si elle sera endormie ?",
        "bonjour",
        "c koi les risk de l anesthesie pr une cimentoplastie",
    ];

    public static int Run(Options options, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var content = ContentLoader.Load(options.DialogsFolder);
        var loaded = clock.Elapsed.TotalMilliseconds;
        var assistant = new Assistant(content);
        var ready = clock.Elapsed.TotalMilliseconds;
        output.WriteLine($"content loaded and validated: {loaded:0} ms; classifier ready: {ready:0} ms; since process start: {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:0} ms");
        if (options.Arguments.Contains("--startup-only")) return 0;
        var samples = new List<double>();
        for (var round = 0; round < 2000; round++)
        {
            foreach (var question in MixedQuestions)
            {
                var start = Stopwatch.GetTimestamp();
                assistant.Reply(ConversationState.New, question);
                if (round >= 200) samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }
        samples.Sort();
        output.WriteLine($"one turn, {samples.Count} samples: p50 {samples[samples.Count / 2]:0.0} µs, p99 {samples[(int)(samples.Count * 0.99)]:0.0} µs");
        return 0;
    }
}
