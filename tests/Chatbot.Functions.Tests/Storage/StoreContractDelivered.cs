using Chatbot.Functions.State;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>The id a channel gave a reply (Teams' feedback names the answer by it), in either store.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task TheChannelsIdForAReply_LeadsBackToTheActivityItAnswered_WhileThatIsKept()
    {
        var stored = await Conversations.LoadAsync("msteams:delivered", None);
        for (var turn = 1; turn <= 3; turn++)
        {
            var answered = AnsweredActivities.With(stored.Answered, new($"act-{turn}", $"{{\"text\":\"reply {turn}\"}}"));
            Assert.True(await Conversations.TrySaveAsync(
                "msteams:delivered", stored.State with { Turns = turn }, answered, stored.Version, null, None));
            await Conversations.RememberDeliveredAsync("msteams:delivered", $"act-{turn}", $"1700000000{turn}", None);
            stored = await Conversations.LoadAsync("msteams:delivered", None);
        }
        await Conversations.RememberDeliveredAsync("msteams:delivered", "act-unknown", "17000000009", None);

        Assert.Equal("act-2", await Conversations.AnsweredByAsync("msteams:delivered", stored, "17000000002", None));
        Assert.Equal("{\"text\":\"reply 2\"}", await Conversations.ReplySentAsync("msteams:delivered", stored, "act-2", None));
        Assert.Null(await Conversations.AnsweredByAsync("msteams:delivered", stored, "17000000009", None));
        Assert.Equal(3, stored.State.Turns);

        // The next turn keeps what was remembered, and the answers past the last sixteen go with their ids.
        for (var turn = 4; turn <= 4 + AnsweredActivities.Kept; turn++)
        {
            var answered = AnsweredActivities.With(stored.Answered, new($"act-{turn}", "{}"));
            Assert.True(await Conversations.TrySaveAsync(
                "msteams:delivered", stored.State with { Turns = turn }, answered, stored.Version, null, None));
            stored = await Conversations.LoadAsync("msteams:delivered", None);
            if (turn == 4) Assert.Equal("act-3", await Conversations.AnsweredByAsync("msteams:delivered", stored, "17000000003", None));
        }
        Assert.Null(await Conversations.AnsweredByAsync("msteams:delivered", stored, "17000000003", None));
    }
}
