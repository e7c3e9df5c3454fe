using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.State;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>
/// What any store must do, whichever it is: the same tests run against the SQLite file and
/// against Azure Table Storage (Azurite). The app is built (not started): its real services,
/// with a clock the tests move.
/// </summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    private WebApplication app = null!;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected IConversationStore Conversations { get; private set; } = null!;

    protected IEscalationStore Escalations { get; private set; } = null!;

    protected IDataRetention Retention { get; private set; } = null!;

    protected abstract string[] StoreSettings();

    public Task InitializeAsync()
    {
        app = ChatbotApp.Create(
        [
            $"--Content:DialogsFolder={Repository.Dialogs}", "--Logging:LogLevel:Default=Warning",
            "--Notifications:Webhook:Url=http://127.0.0.1:9/hook", .. StoreSettings(),
        ], services => services.AddSingleton<TimeProvider>(Time));
        Conversations = app.Services.GetRequiredService<IConversationStore>();
        Escalations = app.Services.GetRequiredService<IEscalationStore>();
        Retention = app.Services.GetRequiredService<IDataRetention>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static readonly CancellationToken None = CancellationToken.None;

    private EscalationRecord Escalation(string conversation, string reason = "human_requested") =>
        EscalationRecord.Open(
            EscalationRecord.NewId(), reason, "fr", "human", null, [new TranscriptLine("patient", "je voudrais parler à une infirmière")],
            new ConversationReference("http://127.0.0.1:9/", "emulator", conversation,
                new Participant("bot"), new Participant("user"), "fr-FR"),
            Time.GetUtcNow());

    private async Task<EscalationRecord> OpenedAsync(string conversation)
    {
        var record = Escalation(conversation);
        Assert.True(await Conversations.TrySaveAsync($"emulator:{conversation}", ConversationState.New with { Turns = 1, OpenEscalation = record.Id }, null, new EscalationOpened(record), None));
        return record;
    }

    [Fact]
    public async Task ANewConversation_HasNoState_AndItsFirstSaveIsKept()
    {
        var before = await Conversations.LoadAsync("emulator:new", None);
        Assert.Null(before.Version);

        Assert.True(await Conversations.TrySaveAsync("emulator:new", before.State with { Turns = 1, LastTopic = "fasting" }, null, null, None));

        var after = await Conversations.LoadAsync("emulator:new", None);
        Assert.Equal((1, "fasting"), (after.State.Turns, after.State.LastTopic));
        Assert.NotNull(after.Version);
    }

    [Fact]
    public async Task TwoTurnsThatReadTheSameVersion_OnlyTheFirstSaves()
    {
        Assert.True(await Conversations.TrySaveAsync("emulator:race", ConversationState.New with { Turns = 1 }, null, null, None));
        var read = await Conversations.LoadAsync("emulator:race", None);

        Assert.True(await Conversations.TrySaveAsync("emulator:race", read.State with { Turns = 2 }, read.Version, null, None));
        Assert.False(await Conversations.TrySaveAsync("emulator:race", read.State with { Turns = 99 }, read.Version, null, None));
        Assert.False(await Conversations.TrySaveAsync("emulator:race", read.State with { Turns = 99 }, null, null, None));

        Assert.Equal(2, (await Conversations.LoadAsync("emulator:race", None)).State.Turns);
    }

    [Fact]
    public async Task TwentyConcurrentTurns_NeverLoseAnUpdate()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var read = await Conversations.LoadAsync("emulator:busy", None);
                if (await Conversations.TrySaveAsync("emulator:busy", read.State with { Turns = read.State.Turns + 1 }, read.Version, null, None)) return;
            }
        })));

        Assert.Equal(20, (await Conversations.LoadAsync("emulator:busy", None)).State.Turns);
    }

    [Fact]
    public async Task AnEscalationOpenedWithATurn_IsListed_WithANoticePending()
    {
        var record = await OpenedAsync("help");

        Assert.Equal(record.Id, (await Escalations.GetAsync(record.Id, None))!.Id);
        Assert.Contains(await Escalations.ListAllAsync(EscalationStatus.Open), e => e.Id == record.Id);
        Assert.DoesNotContain(await Escalations.ListAllAsync(EscalationStatus.Resolved), e => e.Id == record.Id);
        var notice = Assert.Single(await Escalations.OutboxAsync(OutboxStatus.Pending, Time.GetUtcNow(), None), e => e.EscalationId == record.Id);
        Assert.Equal(("webhook", $"{record.Id}:webhook"), (notice.Channel, notice.Notice.IdempotencyKey));
        Assert.Equal(notice, await Escalations.GetOutboxEntryAsync(record.Id, notice.Id, None));
    }

    [Fact]
    public async Task APatientsMessageDuringAHandoff_IsAddedToTheEscalation_AndNotified()
    {
        var record = await OpenedAsync("handoff");
        var read = await Conversations.LoadAsync("emulator:handoff", None);

        var line = new TranscriptLine("patient", "j'ai toujours mal au dos");
        Assert.True(await Conversations.TrySaveAsync("emulator:handoff", read.State with { Turns = 2 }, read.Version, new MessageRelayed(record.Id, line, Time.GetUtcNow()), None));

        var stored = (await Escalations.GetAsync(record.Id, None))!;
        Assert.Equal(line, stored.Transcript[^1]);
        Assert.Equal(("patient", "message"), (stored.History[^1].Who, stored.History[^1].Action));
        Assert.Equal(2, (await Escalations.OutboxAsync(OutboxStatus.Pending, null, None)).Count(e => e.EscalationId == record.Id));
    }

    [Fact]
    public async Task AStaffAction_AppliesOnlyFromTheStatusItExpects()
    {
        var record = await OpenedAsync("staff");
        EscalationRecord Acknowledge(EscalationRecord e) => e.Acknowledge("nurse@chu", Time.GetUtcNow());

        var acknowledged = await Escalations.UpdateAsync(record.Id, Acknowledge, None);
        Assert.Equal(EscalationStatus.Acknowledged, acknowledged!.Status);
        await Assert.ThrowsAsync<EscalationTransitionRefused>(
            () => Escalations.UpdateAsync(record.Id, Acknowledge, None));
        Assert.Null(await Escalations.UpdateAsync("esc-unknown", Acknowledge, None));
        var stored = (await Escalations.GetAsync(record.Id, None))!;
        Assert.Equal(("nurse@chu", 2), (stored.History[^1].Who, stored.History.Count));
    }

    [Fact]
    public async Task ADeliveryIsRecorded_AndOnlyEntriesDueAreOffered()
    {
        var record = await OpenedAsync("outbox");
        var entry = (await Escalations.OutboxAsync(OutboxStatus.Pending, null, None)).Single(e => e.EscalationId == record.Id);

        await Escalations.RecordDeliveryAsync(entry, OutboxStatus.Pending, 1, Time.GetUtcNow().AddMinutes(5), "503", None);
        Assert.DoesNotContain(await Escalations.OutboxAsync(OutboxStatus.Pending, Time.GetUtcNow(), None), e => e.Id == entry.Id);
        Assert.Contains(await Escalations.OutboxAsync(OutboxStatus.Pending, Time.GetUtcNow().AddMinutes(6), None), e => e.Id == entry.Id);

        await Escalations.RecordDeliveryAsync(entry, OutboxStatus.Sent, 2, Time.GetUtcNow(), null, None);
        var sent = (await Escalations.GetOutboxEntryAsync(record.Id, entry.Id, None))!;
        Assert.Equal((OutboxStatus.Sent, 2, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
    }

    [Fact]
    public async Task PastRetention_AConversationStartsAfresh_AndThePurgeDeletesIt_ButNotOpenEscalations()
    {
        var open = await OpenedAsync("old");
        var resolved = await OpenedAsync("old-resolved");
        await Escalations.UpdateAsync(resolved.Id, e => e.Resolve("nurse@chu", Time.GetUtcNow()), None);

        Time.Advance(TimeSpan.FromDays(31));
        Assert.True(await Conversations.TrySaveAsync("emulator:recent", ConversationState.New with { Turns = 1 }, null, null, None));
        Assert.Equal(0, (await Conversations.LoadAsync("emulator:old", None)).State.Turns);
        Assert.Equal(2, (await Retention.PurgeExpiredAsync(None)).Conversations);
        Assert.Equal(1, (await Conversations.LoadAsync("emulator:recent", None)).State.Turns);

        Time.Advance(TimeSpan.FromDays(365));
        var purged = await Retention.PurgeExpiredAsync(None);
        Assert.Equal((1, 1), (purged.Escalations, purged.Notifications));
        Assert.Null(await Escalations.GetAsync(resolved.Id, None));
        Assert.NotNull(await Escalations.GetAsync(open.Id, None));
    }

    [Fact]
    public async Task ErasingAConversation_DeletesItsStateEscalationsAndNotices_AndNothingElse()
    {
        var erased = await OpenedAsync("forget-me");
        var kept = await OpenedAsync("keep-me");

        var report = await Retention.EraseConversationAsync("emulator:forget-me", None);

        Assert.Equal(new ErasureReport(1, 1, 1), report);
        Assert.Null((await Conversations.LoadAsync("emulator:forget-me", None)).Version);
        Assert.Null(await Escalations.GetAsync(erased.Id, None));
        Assert.DoesNotContain(await Escalations.OutboxAsync(null, null, None), e => e.EscalationId == erased.Id);
        Assert.NotNull(await Escalations.GetAsync(kept.Id, None));
        Assert.Equal(1, (await Conversations.LoadAsync("emulator:keep-me", None)).State.Turns);
    }

    [Fact]
    public async Task TheRepliesOfTheLastActivities_AreFoundForTheirRetries_AndErasedWithTheConversation()
    {
        var stored = await Conversations.LoadAsync("emulator:retried", None);
        for (var turn = 1; turn <= 20; turn++)
        {
            var reply = $"{{\"text\":\"reply {turn}\"}}";
            var answered = AnsweredActivities.With(stored.Answered, new($"act-{turn}", reply));
            Assert.True(await Conversations.TrySaveAsync(
                "emulator:retried", stored.State with { Turns = turn }, answered, stored.Version, null, None));
            stored = await Conversations.LoadAsync("emulator:retried", None);
        }

        Assert.Equal(AnsweredActivities.Kept, stored.Answered.Count);
        Assert.Equal("{\"text\":\"reply 20\"}",
            await Conversations.ReplySentAsync("emulator:retried", stored, "act-20", None));
        Assert.Equal("{\"text\":\"reply 5\"}",
            await Conversations.ReplySentAsync("emulator:retried", stored, "act-5", None));
        Assert.Null(await Conversations.ReplySentAsync("emulator:retried", stored, "act-4", None));
        Assert.Null(await Conversations.ReplySentAsync("emulator:retried", stored, "act-21", None));

        await Retention.EraseConversationAsync("emulator:retried", None);
        var erased = await Conversations.LoadAsync("emulator:retried", None);
        Assert.Empty(erased.Answered);
        Assert.Null(await Conversations.ReplySentAsync("emulator:retried", erased, "act-20", None));
    }

    [Fact]
    public async Task ALongMaskedTranscript_IsStoredWhole()
    {
        var record = Escalation("long") with { Transcript = [.. Enumerable.Range(0, 400).Select(i => new TranscriptLine("patient", $"message {i} " + new string('x', 200)))] };
        Assert.True(await Conversations.TrySaveAsync("emulator:long", ConversationState.New with { Turns = 1 }, null, new EscalationOpened(record), None));

        Assert.Equal(400, (await Escalations.GetAsync(record.Id, None))!.Transcript.Count);
    }

    [Fact]
    public async Task ConversationIdsWithSlashesAndHashes_AreKeptApart()
    {
        Assert.True(await Conversations.TrySaveAsync("msteams:a/b#c?d", ConversationState.New with { Turns = 1 }, null, null, None));
        Assert.True(await Conversations.TrySaveAsync("msteams:a%2Fb#c?d", ConversationState.New with { Turns = 2 }, null, null, None));

        Assert.Equal(1, (await Conversations.LoadAsync("msteams:a/b#c?d", None)).State.Turns);
        Assert.Equal(2, (await Conversations.LoadAsync("msteams:a%2Fb#c?d", None)).State.Turns);
    }
}

public sealed class SqliteStoreTests : StoreContract
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "chatbot-contract-" + Guid.NewGuid().ToString("N"), "chatbot.db");

    protected override string[] StoreSettings() => [$"--Storage:SqlitePath={path}"];

    [Fact]
    public async Task WhatThisProcessRemembers_IsAlsoInTheFile_ForTheNextProcess()
    {
        Assert.True(await Conversations.TrySaveAsync("emulator:restart", ConversationState.New with { Turns = 1, LastTopic = "fasting" }, null, null, CancellationToken.None));
        var remembered = await Conversations.LoadAsync("emulator:restart", CancellationToken.None);

        await using var next = ChatbotApp.Create([$"--Content:DialogsFolder={Repository.Dialogs}", "--Logging:LogLevel:Default=Warning", .. StoreSettings()]);
        var read = await next.Services.GetRequiredService<IConversationStore>().LoadAsync("emulator:restart", CancellationToken.None);

        Assert.Equal((1, "fasting", remembered.Version), (read.State.Turns, read.State.LastTopic, read.Version));
    }

    [Fact]
    public async Task AFileWrittenWhenRepliesWereKeptInTheStateRow_StillAnswersARetry_FromTheirOwnRows()
    {
        var legacy = Path.Combine(Path.GetDirectoryName(path)!, "legacy.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={legacy};Pooling=false"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE conversation_state (conversation TEXT PRIMARY KEY, state TEXT NOT NULL,
                    version INTEGER NOT NULL, updated_at TEXT NOT NULL, answered TEXT);
                INSERT INTO conversation_state VALUES ('emulator:old', '{"turns":2}', 2,
                    '2026-11-23T08:00:00.0000000+00:00',
                    '[{"id":"act-1","reply":"{\"text\":\"one\"}"},{"id":"act-2","reply":"{\"text\":\"two\"}"}]');
                """;
            create.ExecuteNonQuery();
        }

        await using var next = ChatbotApp.Create(
            [
                $"--Content:DialogsFolder={Repository.Dialogs}", "--Logging:LogLevel:Default=Warning",
                $"--Storage:SqlitePath={legacy}",
            ],
            services => services.AddSingleton<TimeProvider>(Time));
        var conversations = next.Services.GetRequiredService<IConversationStore>();
        var stored = await conversations.LoadAsync("emulator:old", CancellationToken.None);

        Assert.Equal((2, 2), (stored.State.Turns, stored.Answered.Count));
        Assert.Equal("{\"text\":\"two\"}",
            await conversations.ReplySentAsync("emulator:old", stored, "act-2", CancellationToken.None));
    }

    [Fact]
    public async Task AnErasedConversation_LeavesNoReplyInTheFile()
    {
        var answered = AnsweredActivities.With([], new("act-1", "{\"text\":\"my phone is 06 12 34 56 78\"}"));
        Assert.True(await Conversations.TrySaveAsync(
            "emulator:gone", ConversationState.New with { Turns = 1 }, answered, null, null, CancellationToken.None));
        var before = await Conversations.LoadAsync("emulator:gone", CancellationToken.None);

        await Retention.EraseConversationAsync("emulator:gone", CancellationToken.None);

        // Asked with the ids read before the erasure, the file is read: the row went with the state.
        Assert.Null(await Conversations.ReplySentAsync("emulator:gone", before, "act-1", CancellationToken.None));
    }

    [Fact]
    public async Task ALoad_NeverGoesBackBehindASaveThatReturned()
    {
        // What this process remembers must follow the file's commit order, not the order in which
        // the saving turns happen to resume: a late turn once put back an older state (CI, 17 of 20).
        var saved = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < 25;)
            {
                var floor = Volatile.Read(ref saved);
                var read = await Conversations.LoadAsync("emulator:monotonic", CancellationToken.None);
                Assert.True(read.State.Turns >= floor, $"read {read.State.Turns} after {floor} was saved");
                var next = read.State with { Turns = read.State.Turns + 1 };
                if (!await Conversations.TrySaveAsync("emulator:monotonic", next, read.Version, null, CancellationToken.None)) continue;
                done++;
                for (var seen = Volatile.Read(ref saved); seen < next.Turns; seen = Volatile.Read(ref saved))
                {
                    if (Interlocked.CompareExchange(ref saved, next.Turns, seen) == seen) break;
                }
            }
        })));

        Assert.Equal(16 * 25, (await Conversations.LoadAsync("emulator:monotonic", CancellationToken.None)).State.Turns);
    }
}

/// <summary>The same contract with no recent states in memory: every turn reads the file.</summary>
public sealed class SqliteStoreWithoutRecentStatesTests : StoreContract
{
    protected override string[] StoreSettings() =>
        [$"--Storage:SqlitePath={Path.Combine(Path.GetTempPath(), "chatbot-contract-" + Guid.NewGuid().ToString("N"), "chatbot.db")}", "--Storage:RecentConversations=0"];
}

public sealed class AzureStorageStoreTests(AzuriteFixture azurite) : StoreContract, IClassFixture<AzuriteFixture>
{
    protected override string[] StoreSettings() => azurite.Azurite.Settings(AzuriteFixture.NewPrefix());
}
