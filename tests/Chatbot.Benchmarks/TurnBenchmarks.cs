using BenchmarkDotNet.Attributes;
using Chatbot.Cli;
using Chatbot.Core.Content;
using Chatbot.Core.Conversation;

namespace Chatbot.Benchmarks;

/// <summary>One turn in process (understand → decide → compose) on a fixed mix of FR/IT/EN messages.</summary>
[MemoryDiagnoser]
public class TurnBenchmarks
{
    private Assistant assistant = null!;
    private int next;

    [GlobalSetup]
    public void Setup() => assistant = new Assistant(ContentLoader.Load(Dialogs.Folder()));

    [Benchmark(Description = "one turn, mixed FR/IT/EN")]
    public TurnResult OneTurn() => assistant.Reply(ConversationState.New, BenchCommand.MixedQuestions[next++ % BenchCommand.MixedQuestions.Length]).Result;
}

/// <summary>What start-up costs: reading and validating dialogs/, then training the understanding.</summary>
[MemoryDiagnoser]
public class StartupBenchmarks
{
    private ChatContent content = null!;

    [GlobalSetup]
    public void Setup() => content = ContentLoader.Load(Dialogs.Folder());

    [Benchmark(Description = "load + validate dialogs/")]
    public ChatContent Load() => ContentLoader.Load(Dialogs.Folder());

    [Benchmark(Description = "train understanding (language, typos, topics)")]
    public Assistant Train() => new(content);
}

internal static class Dialogs
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dialogs", "topics.yaml"))) return Path.Combine(dir.FullName, "dialogs");
        }
        return Environment.GetEnvironmentVariable("CHATBOT_DIALOGS") ?? throw new InvalidOperationException("dialogs/ not found");
    }
}
