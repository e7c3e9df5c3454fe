using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chatbot.BotFramework.Schema;

namespace Chatbot.Functions.Tests.Review;

/// <summary>
/// Thumbs under an answer, as Web Chat 4.18 sends them: the answer offers a LikeAction and a DislikeAction,
/// a press posts the event <c>webchat:activity-status/feedback</c> with that action. Stored against the
/// answer's snippets; a thumbs-down also reaches "Questions à revoir". Anything else: 200, nothing stored.
/// </summary>
public class FeedbackTests
{
    /// <summary>False: the plain server; <see cref="FeedbackTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    private Task<BotHost> StartAsync() => StaffReview.StartAsync(InTheWorker);

    private static JsonElement Thumb(Activity answer, string type) =>
        JsonSerializer.Deserialize<JsonElement>(answer.Entities![0].Element.GetRawText()).GetProperty("potentialAction")
            .EnumerateArray().Single(a => a.GetProperty("@type").GetString() == type);

    /// <summary>The event Web Chat posts when a thumb is pressed, the action as the answer offered it.</summary>
    private static async Task<HttpResponseMessage> PressAsync(BotHost bot, string conversation, string actionJson)
    {
        var activity = JsonNode.Parse(JsonSerializer.Serialize(Patient.Says("", conversation), BotJson.Default.Activity))!;
        activity["type"] = "event";
        activity["name"] = "webchat:activity-status/feedback";
        activity["deliveryMode"] = "expectReplies";
        activity.AsObject().Remove("text");
        activity["entities"] = new JsonArray(JsonNode.Parse(actionJson));
        return await bot.Http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    private static Task<JsonElement> BoardAsync(BotHost bot) => StaffReview.BoardAsync(bot);

    private static async Task AssertNoRepliesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync(BotJson.Default.ExpectedReplies))!.Activities);
    }

    [Fact]
    public async Task AThumbsDown_IsCountedAgainstTheAnswersSnippets_AndTheQuestionGoesToReview()
    {
        await using var bot = await StartAsync();
        var answer = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une ostéosynthèse ?", "conv-rated")));
        var snippets = answer.Chatbot().GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("snippetId").GetString()).ToList();
        Assert.NotEmpty(snippets);

        await AssertNoRepliesAsync(await PressAsync(bot, "conv-rated", Thumb(answer, "DislikeAction").GetRawText()));

        var board = await BoardAsync(bot);
        var feedback = board.GetProperty("feedback").EnumerateArray().ToList();
        Assert.Equal(snippets.Order(), feedback.Select(f => f.GetProperty("snippetId").GetString()).Order());
        Assert.All(feedback, f => Assert.Equal((0, 1), (f.GetProperty("up").GetInt32(), f.GetProperty("down").GetInt32())));
        var entry = Assert.Single(board.GetProperty("groups").EnumerateArray()).GetProperty("entries")[0];
        Assert.Equal(("thumbs_down", "faut-il être à jeun pour une ostéosynthèse ?", "fasting"),
            (entry.GetProperty("reason").GetString(), entry.GetProperty("question").GetString(), entry.GetProperty("topic").GetString()));
    }

    [Fact]
    public async Task AThumbsUpThenDown_OnTheSameAnswer_KeepsTheLastRating()
    {
        await using var bot = await StartAsync();
        var answer = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une ostéosynthèse ?", "conv-twice")));

        await AssertNoRepliesAsync(await PressAsync(bot, "conv-twice", Thumb(answer, "LikeAction").GetRawText()));
        var afterUp = (await BoardAsync(bot)).GetProperty("feedback")[0];
        await AssertNoRepliesAsync(await PressAsync(bot, "conv-twice", Thumb(answer, "DislikeAction").GetRawText()));
        var afterDown = (await BoardAsync(bot)).GetProperty("feedback")[0];

        Assert.Equal((1, 0), (afterUp.GetProperty("up").GetInt32(), afterUp.GetProperty("down").GetInt32()));
        Assert.Equal((0, 1), (afterDown.GetProperty("up").GetInt32(), afterDown.GetProperty("down").GetInt32()));
    }

    [Theory]
    [InlineData("an unknown answer", "conv-a", """{"@type":"DislikeAction","@id":"feedback:down:act-unknown"}""")]
    [InlineData("another conversation's answer", "conv-b", null)]
    [InlineData("a thumbs-down before any answer", "conv-new", """{"@type":"DislikeAction","@id":"feedback:down:"}""")]
    [InlineData("an action that is not ours", "conv-a", """{"@type":"DislikeAction"}""")]
    [InlineData("an entity that is not an object", "conv-a", "\"down\"")]
    public async Task FeedbackThatNamesNoAnswerOfThisConversation_Is200_AndNothingIsStored(string _, string conversation, string? action)
    {
        await using var bot = await StartAsync();
        var answer = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une ostéosynthèse ?", "conv-a")));

        await AssertNoRepliesAsync(await PressAsync(bot, conversation, action ?? Thumb(answer, "DislikeAction").GetRawText()));

        var board = await BoardAsync(bot);
        Assert.Empty(board.GetProperty("feedback").EnumerateArray());
        Assert.Equal(0, board.GetProperty("waiting").GetInt32());
    }
}

/// <summary>The same tests on the isolated worker, reached as the Functions host routes requests.</summary>
public sealed class FeedbackTestsInTheWorker : FeedbackTests
{
    protected override bool InTheWorker => true;
}
