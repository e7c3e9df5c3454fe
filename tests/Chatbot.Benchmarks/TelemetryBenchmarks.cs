using BenchmarkDotNet.Attributes;
using Chatbot.BotFramework.Schema;
using Chatbot.Cli;
using Chatbot.Functions;
using Chatbot.Functions.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Benchmarks;

/// <summary>
/// One turn through the host (SQLite state, the turn's span and metrics), telemetry off against on
/// and exporting by OTLP/HTTP to a loopback sink. docs/performance.md, "Telemetry overhead".
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    // On tmpfs where there is one: the shared disk's flush times would drown what is measured.
    private readonly string data = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "chatbot-bench-" + Guid.NewGuid().ToString("N"));
    private WebApplication bot = null!;
    private OtlpSink sink = null!;
    private BotTurns turns = null!;
    private int next;

    [Params(false, true)]
    public bool Telemetry { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        sink = OtlpSink.StartAsync().GetAwaiter().GetResult();
        string[] exporting = Telemetry ? [$"--OTEL_EXPORTER_OTLP_ENDPOINT={sink.Endpoint}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"] : [];
        bot = ChatbotApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Storage:SqlitePath={Path.Combine(data, "chatbot.db")}",
            $"--Content:DialogsFolder={Dialogs.Folder()}",
            "--Logging:LogLevel:Default=Warning",
            .. exporting,
        ]);
        bot.StartAsync().GetAwaiter().GetResult();
        turns = bot.Services.GetRequiredService<BotTurns>();
    }

    [Benchmark(Description = "one turn through the host")]
    public IReadOnlyList<Activity> OneTurn()
    {
        var n = next++;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "a" + n,
            Text = BenchCommand.MixedQuestions[n % BenchCommand.MixedQuestions.Length],
            ChannelId = "bench",
            ServiceUrl = "http://127.0.0.1:9/",
            From = new ChannelAccount("u" + (n % 64)),
            Recipient = new ChannelAccount("bot"),
            Conversation = new ConversationAccount("c" + (n % 64)),
        };
        return turns.OnActivityAsync(activity, CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        bot.StopAsync().GetAwaiter().GetResult();
        bot.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"// OTLP sink: {sink.Exports} exports, {sink.Bytes} bytes");
        sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
