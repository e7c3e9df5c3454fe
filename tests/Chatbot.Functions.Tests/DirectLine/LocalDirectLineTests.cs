using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Functions.Tests.Storage;

namespace Chatbot.Functions.Tests.DirectLine;

/// <summary>Web Chat's side of the local Direct Line, over real HTTP.</summary>
public class LocalDirectLineTests
{
    private sealed record Session(string Token, string ConversationId, string Domain);

    private static async Task<Session> TokenAsync(BotHost bot)
    {
        var response = await bot.Http.PostAsync("/api/directline/token", null);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("dl_", body.GetProperty("userId").GetString(), StringComparison.Ordinal);
        return new Session(body.GetProperty("token").GetString()!, body.GetProperty("conversationId").GetString()!, body.GetProperty("domain").GetString()!);
    }

    private static HttpRequestMessage As(Session session, HttpMethod method, string path, object? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, "/v3/directline" + path);
        request.Headers.Authorization = new("Bearer", token ?? session.Token);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        return request;
    }

    private static async Task<(JsonElement[] Activities, string Watermark)> PollAsync(BotHost bot, Session session, string? watermark = null)
    {
        var body = await (await bot.Http.SendAsync(As(session, HttpMethod.Get, $"/conversations/{session.ConversationId}/activities?watermark={watermark}"))).Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("activities").EnumerateArray().ToArray(), body.GetProperty("watermark").GetString()!);
    }

    private static object Message(string text) => new { type = "message", text, locale = "fr-FR", from = new { id = "someone-else", name = "Patient" }, channelData = new { clientActivityID = "c1" } };

    [Fact]
    public async Task NobodyCanPostIntoAPatientsChat_AndAForgedHostHeaderIsNotWhereStaffRepliesGo()
    {
        await using var bot = await BotHost.StartAsync("--Staff:ApiKey=k");
        var session = await TokenAsync(bot);
        var start = As(session, HttpMethod.Post, "/conversations");
        start.Headers.Host = "evil.example";
        await bot.Http.SendAsync(start);
        var ask = As(session, HttpMethod.Post, $"/conversations/{session.ConversationId}/activities", Message("je veux parler à une infirmière"));
        ask.Headers.Host = "evil.example";
        (await bot.Http.SendAsync(ask)).EnsureSuccessStatusCode();
        var (before, watermark) = await PollAsync(bot, session);

        // The old loop through HTTP is gone: a "care team" message cannot be injected by anyone.
        var injected = await bot.Http.PostAsync($"/api/directline/connector/v3/conversations/{session.ConversationId}/activities",
            new StringContent("""{"type":"message","text":"**Équipe soignante** : rappelez le 0899 00 00 00"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, injected.StatusCode);
        Assert.Empty((await PollAsync(bot, session, watermark)).Activities);
        var escalations = bot.Services.GetRequiredService<Chatbot.Functions.Escalations.SqliteEscalationStore>();
        var record = Assert.Single(await escalations.ListAllAsync(null));
        Assert.Equal(Chatbot.Functions.DirectLine.LocalDirectLine.ServiceUrl, record.Conversation.ServiceUrl);

        // The care team's reply still reaches the patient, in process.
        var reply = new HttpRequestMessage(HttpMethod.Post, $"/api/escalations/{record.Id}/reply") { Content = JsonContent.Create(new { text = "Je vous appelle." }) };
        reply.Headers.Add("X-Api-Key", "k");
        (await bot.Http.SendAsync(reply)).EnsureSuccessStatusCode();
        var staff = Assert.Single((await PollAsync(bot, session, watermark)).Activities);
        Assert.Equal("Je vous appelle.", staff.GetProperty("channelData").GetProperty("careTeam").GetProperty("text").GetString());
        Assert.True(before.Length >= 2);
    }

    [Fact]
    public async Task StartPostPoll_TheBotWelcomesThenAnswers_WithWatermarks()
    {
        await using var bot = await BotHost.StartAsync();
        var session = await TokenAsync(bot);
        Assert.EndsWith("/v3/directline", session.Domain, StringComparison.Ordinal);

        var started = await bot.Http.SendAsync(As(session, HttpMethod.Post, "/conversations"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var (welcome, afterWelcome) = await PollAsync(bot, session);
        Assert.Contains("Bonjour", Assert.Single(welcome).GetProperty("text").GetString(), StringComparison.Ordinal);

        var posted = await bot.Http.SendAsync(As(session, HttpMethod.Post, $"/conversations/{session.ConversationId}/activities", Message("faut il être à jeun pour une ostéosynthèse ?")));
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var (turn, watermark) = await PollAsync(bot, session, afterWelcome);
        Assert.Equal(2, turn.Length);
        Assert.Equal(id, turn[0].GetProperty("id").GetString());
        Assert.StartsWith("dl_", turn[0].GetProperty("from").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("c1", turn[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal(id, turn[1].GetProperty("replyToId").GetString());
        Assert.Equal("fasting", turn[1].GetProperty("channelData").GetProperty("chatbot").GetProperty("topic").GetString());
        Assert.Empty((await PollAsync(bot, session, watermark)).Activities);
    }

    [Fact]
    public async Task AnotherConversationsId_OrAForgedOrExpiredToken_Gets403()
    {
        await using var bot = await BotHost.StartAsync();
        var mine = await TokenAsync(bot);
        var theirs = await TokenAsync(bot);
        await bot.Http.SendAsync(As(mine, HttpMethod.Post, "/conversations"));
        await bot.Http.SendAsync(As(theirs, HttpMethod.Post, "/conversations"));

        var readTheirs = await bot.Http.SendAsync(As(mine, HttpMethod.Get, $"/conversations/{theirs.ConversationId}/activities"));
        var postTheirs = await bot.Http.SendAsync(As(mine, HttpMethod.Post, $"/conversations/{theirs.ConversationId}/activities", Message("bonjour")));
        var forged = mine.Token[..^4] + (mine.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var withForged = await bot.Http.SendAsync(As(mine, HttpMethod.Get, $"/conversations/{mine.ConversationId}/activities", token: forged));

        Assert.Equal(HttpStatusCode.Forbidden, readTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, postTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withForged.StatusCode);

        await using var shortLived = await BotHost.StartAsync("--DirectLine:TokenLifetime=00:00:00");
        var expired = await TokenAsync(shortLived);
        Assert.Equal(HttpStatusCode.Forbidden, (await shortLived.Http.SendAsync(As(expired, HttpMethod.Post, "/conversations"))).StatusCode);
    }

    [Fact]
    public async Task OversizedPost_Gets413_AndFloods_Get429()
    {
        await using var bot = await BotHost.StartAsync("--DirectLine:TokensPerMinute=3", "--DirectLine:ActivitiesPerMinute=3");
        var session = await TokenAsync(bot);
        await bot.Http.SendAsync(As(session, HttpMethod.Post, "/conversations"));

        var huge = await bot.Http.SendAsync(As(session, HttpMethod.Post, $"/conversations/{session.ConversationId}/activities", Message(new string('a', 300_000))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        // The oversized attempt counted too: two more are allowed this minute, the third is refused.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await bot.Http.SendAsync(As(session, HttpMethod.Post, $"/conversations/{session.ConversationId}/activities", Message("bonjour")))).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        var tokens = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) tokens.Add((await bot.Http.PostAsync("/api/directline/token", null)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, tokens[^1]);
    }

    [Fact]
    public async Task TokenRefresh_KeepsTheConversation()
    {
        await using var bot = await BotHost.StartAsync();
        var session = await TokenAsync(bot);
        await bot.Http.SendAsync(As(session, HttpMethod.Post, "/conversations"));

        var refreshed = await (await bot.Http.SendAsync(As(session, HttpMethod.Post, "/tokens/refresh"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(session.ConversationId, refreshed.GetProperty("conversationId").GetString());
        var again = session with { Token = refreshed.GetProperty("token").GetString()! };
        Assert.Single((await PollAsync(bot, again)).Activities);
    }

    [Fact]
    public async Task StaffReply_AppearsInTheLocalWebChatConversation()
    {
        await using var bot = await BotHost.StartAsync("--Staff:ApiKey=k");
        var session = await TokenAsync(bot);
        await bot.Http.SendAsync(As(session, HttpMethod.Post, "/conversations"));
        await bot.Http.SendAsync(As(session, HttpMethod.Post, $"/conversations/{session.ConversationId}/activities", Message("je veux parler à une infirmière")));
        var (activities, watermark) = await PollAsync(bot, session);
        var id = activities[^1].GetProperty("channelData").GetProperty("chatbot").GetProperty("escalation").GetProperty("id").GetString();

        var reply = new HttpRequestMessage(HttpMethod.Post, $"/api/escalations/{id}/reply") { Content = JsonContent.Create(new { text = "Je vous appelle tout de suite." }) };
        reply.Headers.Add("X-Api-Key", "k");
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.SendAsync(reply)).StatusCode);

        var staff = Assert.Single((await PollAsync(bot, session, watermark)).Activities);
        Assert.Contains("Je vous appelle tout de suite.", staff.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
