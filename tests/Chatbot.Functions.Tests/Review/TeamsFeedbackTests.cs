using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatbot.BotFramework.Schema;

namespace Chatbot.Functions.Tests.Review;

/// <summary>
/// Teams' feedback loop, as Teams speaks it: the answer with quotes says <c>feedbackLoopEnabled</c>; a press
/// comes back as the invoke <c>message/submitAction</c> whose <c>replyToId</c> is the id Teams gave the
/// answer (here the test channel's <c>ResourceResponse</c>). Stored as Web Chat's thumbs are; answered with
/// an invoke response, never a message. The free text is patient text: never stored, never logged.
/// </summary>
public class TeamsFeedbackTests
{
    private const string FreeText = "Jeanne Durand 06 12 34 56 78 : la réponse ne parle pas de mon diabète";

    /// <summary>False: the plain server; <see cref="TeamsFeedbackTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    private Task<BotHost> StartAsync(CapturedLogs? logs = null) =>
        BotHost.StartIn(InTheWorker, services => logs?.AddTo(services), $"--Staff:ApiKey={StaffReview.Key}",
            "--Logging:LogLevel:Default=Information");

    /// <summary>A Teams patient asks; the answer reaches the test channel, which gives it an id.</summary>
    private static async Task<(Activity Answer, string TeamsId)> AskOnTeamsAsync(BotHost bot, FakeChannel channel, string conversation)
    {
        var before = channel.Received.Count;
        var response = await bot.PostAsync(Patient.Says("faut-il être à jeun pour une ostéosynthèse ?", conversation, channel.ServiceUrl)
            with { ChannelId = "msteams" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, channel.Received.Count);
        return (channel.Received.Last().Activity, "sent-" + (before + 1));
    }

    /// <summary>The invoke Teams posts when a thumb is pressed (and the form submitted), with <paramref name="value"/>.</summary>
    private static Task<HttpResponseMessage> PressAsync(BotHost bot, FakeChannel channel, string conversation, string? replyToId, string? value)
    {
        var activity = JsonNode.Parse(JsonSerializer.Serialize(
            Patient.Says("", conversation, channel.ServiceUrl) with { ChannelId = "msteams" }, BotJson.Default.Activity))!;
        activity["type"] = "invoke";
        activity["name"] = "message/submitAction";
        activity.AsObject().Remove("text");
        if (replyToId is not null) activity["replyToId"] = replyToId;
        if (value is not null) activity["value"] = JsonNode.Parse(value);
        return bot.Http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    private static string Feedback(string reaction) => new JsonObject
    {
        ["actionName"] = "feedback",
        ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = JsonSerializer.Serialize(new { feedbackText = FreeText }) },
    }.ToJsonString();

    private static async Task AssertInvokeResponseAsync(HttpResponseMessage response, FakeChannel channel, int sent)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(sent, channel.Received.Count); // no message in answer to an invoke
    }

    [Fact]
    public async Task ATeamsDislike_IsCountedAgainstTheAnswersSnippets_TheQuestionGoesToReview_AndTheFreeTextNowhere()
    {
        var logs = new CapturedLogs();
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await StartAsync(logs);
        var (answer, teamsId) = await AskOnTeamsAsync(bot, channel, "teams-rated");
        Assert.True(answer.ChannelData!.Element.GetProperty("feedbackLoopEnabled").GetBoolean());
        var snippets = answer.Chatbot().GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("snippetId").GetString()).ToList();
        Assert.NotEmpty(snippets);

        await AssertInvokeResponseAsync(await PressAsync(bot, channel, "teams-rated", teamsId, Feedback("dislike")), channel, 1);

        var board = await StaffReview.BoardAsync(bot);
        var feedback = board.GetProperty("feedback").EnumerateArray().ToList();
        Assert.Equal(snippets.Order(), feedback.Select(f => f.GetProperty("snippetId").GetString()).Order());
        Assert.All(feedback, f => Assert.Equal((0, 1), (f.GetProperty("up").GetInt32(), f.GetProperty("down").GetInt32())));
        var entry = Assert.Single(board.GetProperty("groups").EnumerateArray()).GetProperty("entries")[0];
        Assert.Equal(("thumbs_down", "faut-il être à jeun pour une ostéosynthèse ?"),
            (entry.GetProperty("reason").GetString(), entry.GetProperty("question").GetString()));
        Assert.DoesNotContain("diabète", board.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("diabète", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("56 78", logs.All, StringComparison.Ordinal);
        Assert.Contains("[1603] Answer rated down (fasting)", logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATeamsLikeThenDislike_OnTheSameAnswer_KeepsTheLastRating()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await StartAsync();
        var (_, teamsId) = await AskOnTeamsAsync(bot, channel, "teams-twice");

        await AssertInvokeResponseAsync(await PressAsync(bot, channel, "teams-twice", teamsId, Feedback("like")), channel, 1);
        var afterLike = (await StaffReview.BoardAsync(bot)).GetProperty("feedback")[0];
        await AssertInvokeResponseAsync(await PressAsync(bot, channel, "teams-twice", teamsId, Feedback("dislike")), channel, 1);
        var afterDislike = (await StaffReview.BoardAsync(bot)).GetProperty("feedback")[0];

        Assert.Equal((1, 0), (afterLike.GetProperty("up").GetInt32(), afterLike.GetProperty("down").GetInt32()));
        Assert.Equal((0, 1), (afterDislike.GetProperty("up").GetInt32(), afterDislike.GetProperty("down").GetInt32()));
    }

    [Fact]
    public async Task OnlyTeamsAnswersWithQuotes_AskForTeamsFeedback()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await StartAsync();

        var greeting = await bot.PostAsync(Patient.Says("bonjour", "teams-hello", channel.ServiceUrl) with { ChannelId = "msteams" });
        var webChat = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une ostéosynthèse ?", "emulator-1")));

        Assert.Equal(HttpStatusCode.OK, greeting.StatusCode);
        Assert.False(Assert.Single(channel.Received).Activity.ChannelData!.Element.TryGetProperty("feedbackLoopEnabled", out _));
        Assert.False(webChat.ChannelData!.Element.TryGetProperty("feedbackLoopEnabled", out _));
        Assert.Equal("fasting", webChat.Chatbot().GetProperty("topic").GetString());
    }

    [Theory]
    [InlineData("an unknown answer", "teams-a", "sent-999", "feedback")]
    [InlineData("another conversation's answer", "teams-b", "sent-1", "feedback")]
    [InlineData("no replyToId", "teams-a", null, "feedback")]
    [InlineData("no value", "teams-a", "sent-1", null)]
    [InlineData("a value that is not an object", "teams-a", "sent-1", "\"dislike\"")]
    [InlineData("another submit action", "teams-a", "sent-1", """{"actionName":"share","actionValue":{"reaction":"dislike"}}""")]
    [InlineData("a reaction that is not like or dislike", "teams-a", "sent-1", """{"actionName":"feedback","actionValue":{"reaction":"love"}}""")]
    [InlineData("no reaction", "teams-a", "sent-1", """{"actionName":"feedback","actionValue":{"feedback":"{}"}}""")]
    public async Task TeamsFeedbackThatNamesNoAnswerOfThisConversation_Is200_AndNothingIsStored(
        string _, string conversation, string? replyToId, string? value)
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await StartAsync();
        await AskOnTeamsAsync(bot, channel, "teams-a");

        await AssertInvokeResponseAsync(
            await PressAsync(bot, channel, conversation, replyToId, value == "feedback" ? Feedback("dislike") : value), channel, 1);

        var board = await StaffReview.BoardAsync(bot);
        Assert.Empty(board.GetProperty("feedback").EnumerateArray());
        Assert.Equal(0, board.GetProperty("waiting").GetInt32());
    }
}

/// <summary>The same tests on the isolated worker, reached as the Functions host routes requests.</summary>
public sealed class TeamsFeedbackTestsInTheWorker : TeamsFeedbackTests
{
    protected override bool InTheWorker => true;
}
