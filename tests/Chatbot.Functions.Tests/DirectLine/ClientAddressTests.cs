using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Tests.DirectLine;

/// <summary>
/// Issue 22 item 4: one rate limit per patient, over real HTTP. Behind the Functions host (a known
/// proxy on loopback) the forwarded address is the client; a direct client's forged header is ignored.
/// </summary>
public class ClientAddressTests
{
    private static Task<HttpResponseMessage> TokenAsync(BotHost bot, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return bot.Http.SendAsync(request);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("try again in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindTheFunctionsHost_TwoPatientsForwardedByIt_HaveSeparateTokenLimits()
    {
        await using var bot = await BotHost.StartWorkerAsync("--DirectLine:TokensPerMinute=2");

        // App Service's front end writes the client's port too; a forged left part is not the client.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(bot, "203.0.113.7:50123")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(bot, "198.51.100.9, 203.0.113.7:50124")).StatusCode);
        await AssertTooManyAsync(await TokenAsync(bot, "192.0.2.1, 203.0.113.7"));

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(bot, "198.51.100.9:40000")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(bot, "2001:db8::5")).StatusCode);
    }

    [Theory]
    [InlineData("on plain Kestrel")]
    [InlineData("--ClientAddress:KnownProxies:0=10.20.30.40")]
    public async Task ADirectClient_ForgingXForwardedFor_CannotEscapeItsLimit(string mode)
    {
        await using var bot = mode.StartsWith("--", StringComparison.Ordinal)
            ? await BotHost.StartWorkerAsync(mode, "--DirectLine:TokensPerMinute=2")
            : await BotHost.StartAsync("--DirectLine:TokensPerMinute=2");

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(bot, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(bot, "203.0.113.2")).StatusCode);
        await AssertTooManyAsync(await TokenAsync(bot, "203.0.113.3"));
        await AssertTooManyAsync(await TokenAsync(bot, null));
    }

    [Fact]
    public async Task BehindTheFunctionsHost_FailedStaffSignIns_AreCountedPerForwardedClient()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotHost.StartWorkerAsync(logs.AddTo, "--Staff:ApiKey=the-key");
        HttpRequestMessage Escalations(string client, string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/escalations");
            request.Headers.Add("X-Api-Key", key);
            request.Headers.Add("X-Forwarded-For", client);
            return request;
        }

        for (var i = 0; i < 5; i++) await bot.Http.SendAsync(Escalations("203.0.113.66", "guess-" + i));
        var guesser = await bot.Http.SendAsync(Escalations("203.0.113.66", "the-key"));
        var nurse = await bot.Http.SendAsync(Escalations("198.51.100.20", "the-key"));

        await AssertTooManyAsync(guesser);
        Assert.Equal(HttpStatusCode.OK, nurse.StatusCode);
        Assert.Contains(logs.Lines,
            l => l.Contains("[1510]", StringComparison.Ordinal) && l.Contains("203.0.113.66", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFloodOfPostsInOneConversation_Gets429WithRetryAfter()
    {
        await using var bot = await BotHost.StartAsync("--DirectLine:ActivitiesPerMinute=1");
        var token = await (await TokenAsync(bot, null)).Content.ReadFromJsonAsync<JsonElement>();
        HttpRequestMessage Post(string path, object? body = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline" + path);
            request.Content = JsonContent.Create(body);
            request.Headers.Authorization = new("Bearer", token.GetProperty("token").GetString());
            return request;
        }
        var conversation = token.GetProperty("conversationId").GetString();
        await bot.Http.SendAsync(Post("/conversations"));
        var message = new { type = "message", text = "bonjour", locale = "fr-FR" };

        var first = await bot.Http.SendAsync(Post($"/conversations/{conversation}/activities", message));
        var second = await bot.Http.SendAsync(Post($"/conversations/{conversation}/activities", message));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertTooManyAsync(second);
    }

    [Fact]
    public async Task OnPlainKestrel_NoProxyIsKnown_AndAsTheWorker_LoopbackIs()
    {
        await using var direct = await BotHost.StartAsync();
        await using var handler = await BotHost.StartWorkerAsync();

        static string[] Known(BotHost bot) =>
            bot.Services.GetRequiredService<IOptions<ClientAddressOptions>>().Value.KnownProxies!;

        Assert.Empty(Known(direct));
        Assert.Equal(["127.0.0.0/8", "::1/128"], Known(handler));
    }

    [Theory]
    [InlineData("--ClientAddress:KnownProxies:0=the-front-door", "ClientAddress:KnownProxies")]
    [InlineData("--ClientAddress:KnownProxies:0=10.0.0.0/99", "ClientAddress:KnownProxies")]
    [InlineData("--ClientAddress:ForwardLimit=0", "ClientAddress:ForwardLimit")]
    [InlineData("--DirectLine:TokensPerMinute=0", "TokensPerMinute")]
    [InlineData("--DirectLine:ActivitiesPerMinute=-1", "ActivitiesPerMinute")]
    public async Task ASettingOutOfRange_StopsTheStart_NamingIt(string setting, string named)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(setting));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }
}
