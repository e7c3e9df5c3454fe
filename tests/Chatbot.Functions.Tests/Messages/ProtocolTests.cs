using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.BotFramework.Schema;

namespace Chatbot.Functions.Tests.Messages;

public class ProtocolTests
{
    [Fact]
    public async Task Message_ReplyIsPostedToTheServiceUrl_AsAReplyToTheActivity()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync();
        var question = Patient.Says("faut il etre a jeun pour une osteosynthese ?", serviceUrl: channel.ServiceUrl);

        var response = await bot.PostAsync(question);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(channel.Received);
        Assert.Equal(("conv-1", question.Id), (sent.ConversationId, sent.ReplyToId));
        Assert.Equal("", sent.Authorization);
        var reply = sent.Activity;
        Assert.Equal("message", reply.Type);
        Assert.Equal(question.Id, reply.ReplyToId);
        Assert.Equal(("bot-1", "user-1"), (reply.From!.Id, reply.Recipient!.Id));
        Assert.Equal("conv-1", reply.Conversation!.Id);
        Assert.Equal("fr-FR", reply.Locale);
        Assert.Equal(InputHints.AcceptingInput, reply.InputHint);
        Assert.Contains("[1]", reply.Text, StringComparison.Ordinal);
        Assert.Equal("fasting", reply.Chatbot().GetProperty("topic").GetString());
        Assert.Equal("osteosynthesis", reply.Chatbot().GetProperty("procedure").GetString());
    }

    [Fact]
    public async Task Answer_CarriesASchemaOrgCitationPerQuote()
    {
        await using var bot = await BotHost.StartAsync();

        var reply = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("quels sont les risques de l'osteosynthese ?")));

        var entity = Assert.Single(reply.Entities!).Element;
        Assert.Equal("https://schema.org/Message", entity.GetProperty("type").GetString());
        Assert.Equal("Message", entity.GetProperty("@type").GetString());
        var claims = entity.GetProperty("citation").EnumerateArray().ToList();
        Assert.Equal(reply.Chatbot().GetProperty("citations").GetArrayLength(), claims.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            Assert.Equal(i + 1, claims[i].GetProperty("position").GetInt32());
            Assert.Contains($"[{i + 1}]", reply.Text, StringComparison.Ordinal);
            Assert.True(claims[i].GetProperty("appearance").GetProperty("abstract").GetString()!.Length <= 160);
            Assert.Contains("CHBA de Vannes", claims[i].GetProperty("appearance").GetProperty("name").GetString(), StringComparison.Ordinal);
            // Web Chat opens appearance.text for a reference without a URL; without it the whole chat goes blank.
            var quote = reply.Chatbot().GetProperty("citations")[i];
            Assert.Equal("> " + quote.GetProperty("quote").GetString(), claims[i].GetProperty("appearance").GetProperty("text").GetString());
            Assert.Equal("fr", claims[i].GetProperty("appearance").GetProperty("inLanguage").GetString());
            Assert.Equal("fr", quote.GetProperty("language").GetString());
        }
        Assert.Equal("", entity.GetProperty("@id").GetString());
    }

    [Fact]
    public async Task ExpectReplies_ReturnsTheRepliesInTheBody_AndSendsNothing()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync();

        var replies = await bot.ExpectRepliesAsync(Patient.Says("quand pourrai-je remarcher ?", serviceUrl: channel.ServiceUrl));

        var reply = Assert.Single(replies);
        Assert.Equal("clarify", reply.Chatbot().GetProperty("action").GetString());
        Assert.Equal(5, reply.SuggestedActions!.Actions.Count);
        Assert.All(reply.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
        Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
        Assert.Empty(channel.Received);
    }

    [Fact]
    public async Task ConversationUpdate_WelcomesTheUserInTheirLocale_NotTheBot()
    {
        await using var bot = await BotHost.StartAsync();
        var update = Patient.Says("") with { Type = ActivityTypes.ConversationUpdate, Text = null, Locale = "it-IT" };

        var userJoined = await bot.ExpectRepliesAsync(update with { MembersAdded = [new("bot-1"), new("user-1")] });
        var botJoined = await bot.ExpectRepliesAsync(update with { MembersAdded = [new("bot-1")] });

        Assert.Contains("Buongiorno", Assert.Single(userJoined).Text, StringComparison.Ordinal);
        Assert.Empty(botJoined);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("endOfConversation")]
    [InlineData("somethingNew")]
    public async Task OtherActivityTypes_AreAcceptedAndIgnored(string type)
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync();

        var response = await bot.PostAsync(Patient.Says("x", serviceUrl: channel.ServiceUrl) with { Type = type });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(channel.Received);
    }

    [Fact]
    public async Task Invoke_Gets200WithAnEmptyInvokeResponse()
    {
        await using var bot = await BotHost.StartAsync();

        var response = await bot.PostAsync(Patient.Says("") with { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ChannelDownForAMoment_ReplyIsRetriedAndDelivered()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync();
        channel.FailNext(2);

        var response = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(channel.Received);
    }

    [Fact]
    public async Task Health_Answers200WithTheContentVersion()
    {
        await using var bot = await BotHost.StartAsync();

        var health = await bot.Http.GetFromJsonAsync<JsonElement>("/api/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(12, health.GetProperty("contentVersion").GetString()!.Length);
    }
}
