using Chatbot.Core.Content;
using Chatbot.Core.Conversation;
using Chatbot.Core.Understanding;
using Chatbot.Functions.Messages;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Hosting;

/// <summary>The content and understanding being prepared since start-up (see AddConversationEngine).</summary>
public sealed class EngineTraining(Task<(Assistant Assistant, string Understanding)> training)
{
    /// <summary>Where a publish stores the trained understanding: beside the executable.</summary>
    public static string SnapshotPath => Path.Combine(AppContext.BaseDirectory, UnderstandingSnapshot.FileName);

    /// <summary>Blocks the first caller until training is done; a content error surfaces here.</summary>
    public Assistant Trained => training.GetAwaiter().GetResult().Assistant;

    public Task<(Assistant Assistant, string Understanding)> Task => training;

    /// <summary>Loads the content, then its understanding from the snapshot if it fits, else trains.</summary>
    public static EngineTraining Start(string dialogsFolder) => new(System.Threading.Tasks.Task.Run(() =>
    {
        var content = ContentLoader.Load(dialogsFolder);
        if (!File.Exists(SnapshotPath)) return (new Assistant(content), "trained at start-up (no snapshot)");
        using var stream = new FileStream(SnapshotPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return UnderstandingSnapshot.TryRead(stream, content, out var reason) is { } understander
            ? (new Assistant(content, understander), "loaded from its snapshot")
            : (new Assistant(content), $"trained at start-up (snapshot not used: {reason})");
    }));

    /// <summary>
    /// <c>Chatbot.Functions write-understanding</c>, run by the publish: trains on the published
    /// dialogs/ and stores the result beside the executable (written aside, then moved: never half a file).
    /// </summary>
    public static int WriteSnapshot()
    {
        var content = ContentLoader.Load(Path.Combine(AppContext.BaseDirectory, new ContentOptions().DialogsFolder));
        var partial = SnapshotPath + ".partial";
        using (var stream = File.Create(partial)) UnderstandingSnapshot.Write(stream, new Understander(content));
        File.Move(partial, SnapshotPath, overwrite: true);
        Console.WriteLine($"understanding of content {content.Version} written to {SnapshotPath}");
        return 0;
    }
}

/// <summary>
/// Start-up waits for the engine and opens the store: broken content or an unusable store fails the
/// start, as before — only now the waiting overlaps with the host and Kestrel starting.
/// </summary>
public sealed partial class EngineStartup(EngineTraining training, IServiceProvider services, ILogger<BotTurns> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IConversationStore>();
        var (trained, understanding) = await training.Task.WaitAsync(cancellationToken);
        var content = trained.Content;
        services.GetRequiredService<Assistant>();
        var snippets = content.Documents.Sum(d => d.Snippets.Count);
        Log.ContentReady(logger, content.Version, content.Documents.Count, snippets, understanding);
        // Training leaves ~30 MB of garbage behind; give it back once the first patients are served
        // (an idle instance is billed and counted by its memory), without pausing the first answer.
        _ = Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None).ContinueWith(
            _ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true), TaskScheduler.Default);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Content {Version} ready: {Documents} documents, {Snippets} snippets; understanding {Understanding}")]
        public static partial void ContentReady(ILogger logger, string version, int documents, int snippets, string understanding);
    }
}
