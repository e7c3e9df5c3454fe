using Chatbot.Core.Conversation;
using Chatbot.Functions.Messages;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Hosting;

/// <summary>The content and understanding being prepared since start-up (see AddConversationEngine).</summary>
public sealed class EngineTraining(Task<Assistant> training)
{
    /// <summary>Blocks the first caller until training is done; a content error surfaces here.</summary>
    public Assistant Trained => training.GetAwaiter().GetResult();

    public Task<Assistant> Task => training;
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
        var content = (await training.Task.WaitAsync(cancellationToken)).Content;
        services.GetRequiredService<Assistant>();
        var snippets = content.Documents.Sum(d => d.Snippets.Count);
        Log.ContentReady(logger, content.Version, content.Documents.Count, snippets);
        // Training leaves ~30 MB of garbage behind; give it back once the first patients are served
        // (an idle instance is billed and counted by its memory), without pausing the first answer.
        _ = Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None).ContinueWith(
            _ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true), TaskScheduler.Default);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Content {Version} ready: {Documents} documents, {Snippets} snippets")]
        public static partial void ContentReady(ILogger logger, string version, int documents, int snippets);
    }
}
