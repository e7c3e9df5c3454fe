using BenchmarkDotNet.Attributes;
using Chatbot.Core.Content;
using Chatbot.Core.Conversation;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.State;
using Microsoft.Extensions.Options;

namespace Chatbot.Benchmarks;

/// <summary>
/// What saving turns costs the store: 64 conversations save their state at once (the load at 64
/// connections), committed together. On tmpfs where there is one, so the figure is the work of the
/// process, not the disk's fsync.
/// </summary>
[MemoryDiagnoser]
// Not IDisposable: BenchmarkDotNet disposes what a benchmark owns in its [GlobalCleanup].
#pragma warning disable CA1001
public class StateBenchmarks
#pragma warning restore CA1001
{
    private const int Turns = 64;
    private string folder = null!;
    private SqliteDatabase database = null!;
    private RecentStates recent = null!;
    private SqliteConversationStore store = null!;
    private ConversationState state = null!;
    private int round;

    [GlobalSetup]
    public void Setup()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        folder = Path.Combine(root, "chatbot-bench-" + Guid.NewGuid().ToString("N"));
        var options = Options.Create(new StateOptions { SqlitePath = Path.Combine(folder, "chatbot.db") });
        database = new SqliteDatabase(options);
        recent = new RecentStates(options);
        store = new SqliteConversationStore(database, new SqliteEscalationStore(database, Options.Create(new NotificationOptions()), TimeProvider.System), recent, options, TimeProvider.System);
        // A conversation some turns in: its transcript is most of what is written.
        var assistant = new Assistant(ContentLoader.Load(Dialogs.Folder()));
        state = ConversationState.New;
        foreach (var question in new[] { "bonjour", "quels sont les risques de la vertebroplastie", "je serai endormie ?", "quand est ce que je pourrais remarcher" })
        {
            state = assistant.Reply(state, question).State;
        }
        store.TrySaveAsync("recent", state, [], null, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        database.Dispose();
        recent.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Description = "one turn's state saved, 64 at once", OperationsPerInvoke = Turns)]
    public async Task SaveTogether()
    {
        var saves = new Task<bool>[Turns];
        round++;
        for (var i = 0; i < Turns; i++)
            saves[i] = store.TrySaveAsync($"c-{round}-{i}", state, [], null, null, CancellationToken.None);
        await Task.WhenAll(saves);
    }

    /// <summary>The next turn of a conversation this process has just saved: read from memory, not the file.</summary>
    [Benchmark(Description = "a recent conversation's state loaded")]
    public Task<StoredState> LoadRecent() => store.LoadAsync("recent", CancellationToken.None);
}
