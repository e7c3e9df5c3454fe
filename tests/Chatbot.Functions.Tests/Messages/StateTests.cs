using Chatbot.Functions.State;

namespace Chatbot.Functions.Tests.Messages;

public class StateTests
{
    [Fact]
    public async Task TwentyConcurrentTurnsOfOneConversation_AreAllAnswered_AndNoUpdateIsLost()
    {
        await using var bot = await BotHost.StartAsync();

        var turns = Enumerable.Range(0, 20).Select(i => bot.ExpectRepliesAsync(Patient.Says($"question {i} : faut il etre a jeun pour une osteosynthese ?", conversation: "busy")));
        var replies = await Task.WhenAll(turns);

        Assert.All(replies, r => Assert.Equal("fasting", Assert.Single(r).Chatbot().GetProperty("topic").GetString()));
        var stored = await bot.Services.GetRequiredService<IConversationStore>().LoadAsync("emulator:busy", CancellationToken.None);
        Assert.Equal(20, stored.State.Turns);
        Assert.Equal("20", stored.Version);
    }

    [Fact]
    public async Task ProcedureMentionedBeforeARestart_IsRememberedAfterIt()
    {
        var data = Path.Combine(Path.GetTempPath(), "chatbot-restart-" + Guid.NewGuid().ToString("N"));
        await using (var before = await BotHost.StartOnAsync(data))
        {
            await before.ExpectRepliesAsync(Patient.Says("c'est quoi une vertebroplastie ?", conversation: "kept"));
        }

        await using var after = await BotHost.StartOnAsync(data);
        var reply = Assert.Single(await after.ExpectRepliesAsync(Patient.Says("et je pourrai remarcher quand ?", conversation: "kept")));

        Assert.Equal("answer", reply.Chatbot().GetProperty("action").GetString());
        Assert.Equal("vertebral_cementoplasty", reply.Chatbot().GetProperty("procedure").GetString());
    }
}
