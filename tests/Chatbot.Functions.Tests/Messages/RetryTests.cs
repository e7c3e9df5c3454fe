using Chatbot.Functions.State;
using Chatbot.Functions.Tests.Storage;

namespace Chatbot.Functions.Tests.Messages;

/// <summary>A channel that lost the bot's reply sends the same activity again, over HTTP, on both stores.</summary>
public class RetryTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private Task<BotHost> StartAsync(string store) => BotHost.StartAsync(
    [
        "--Notifications:Webhook:Url=http://127.0.0.1:9/hook",
        .. store == "azure" ? fixture.Azurite.Settings(AzuriteFixture.NewPrefix()) : [],
    ]);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("azure")]
    public async Task AnEmergencySentTwice_GetsTheSameReply_OneEscalationOneNoticeOneTranscriptLine(string store)
    {
        await using var bot = await StartAsync(store);
        var emergency = Patient.Says("j'ai 40 de fièvre depuis ce matin après ma cimentoplastie", "retried");

        var first = Assert.Single(await bot.ExpectRepliesAsync(emergency));
        var retry = Assert.Single(await bot.ExpectRepliesAsync(emergency));

        Assert.Equal((first.Text, first.ReplyToId), (retry.Text, retry.ReplyToId));
        var id = first.Chatbot().GetProperty("escalation").GetProperty("id").GetString();
        Assert.Equal(id, retry.Chatbot().GetProperty("escalation").GetProperty("id").GetString());
        var escalations = bot.Services.GetRequiredService<IEscalationStore>();
        Assert.Equal(id, Assert.Single(await escalations.ListAllAsync(null)).Id);
        Assert.Single(await escalations.OutboxAsync(null, null, CancellationToken.None), n => n.EscalationId == id);
        var conversations = bot.Services.GetRequiredService<IConversationStore>();
        var stored = await conversations.LoadAsync("emulator:retried", CancellationToken.None);
        Assert.Equal((1, 2), (stored.State.Turns, stored.State.Transcript.Count));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("azure")]
    public async Task TheSameWordsInANewActivity_AreATurnOfTheirOwn(string store)
    {
        await using var bot = await StartAsync(store);

        await bot.ExpectRepliesAsync(Patient.Says("faut il etre a jeun ?", conversation: "asked-twice"));
        await bot.ExpectRepliesAsync(Patient.Says("faut il etre a jeun ?", conversation: "asked-twice"));

        var conversations = bot.Services.GetRequiredService<IConversationStore>();
        var stored = await conversations.LoadAsync("emulator:asked-twice", CancellationToken.None);
        Assert.Equal(2, stored.State.Turns);
        Assert.Equal(2, stored.Answered.Count);
    }

    [Fact]
    public void OnlyTheLastActivitiesAreKept()
    {
        IReadOnlyList<AnsweredActivity> answered = [];
        for (var i = 0; i < 40; i++) answered = AnsweredActivities.With(answered, new($"act-{i}", $"reply {i}"));

        Assert.Equal(AnsweredActivities.Kept, answered.Count);
        Assert.Equal("reply 39", AnsweredActivities.Find(answered, "act-39"));
        Assert.Null(AnsweredActivities.Find(answered, "act-0"));
        Assert.Null(AnsweredActivities.Find(answered, null));
    }
}
