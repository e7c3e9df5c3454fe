using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Functions.Tests.DirectLine;

public class TokenExchangeTests
{
    [Fact]
    public async Task WithASecret_TheTokenComesFromDirectLine_AndTheSecretNeverReachesTheBrowser()
    {
        const string secret = "direct-line-secret-for-tests";
        var seen = new ConcurrentQueue<(string Authorization, string UserId)>();
        var (service, address) = await Loopback.StartAsync(app => app.MapPost("/v3/directline/tokens/generate", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            seen.Enqueue((request.Headers.Authorization.ToString(), body.GetProperty("user").GetProperty("id").GetString()!));
            return Results.Json(new { conversationId = "azure-conv-1", token = "azure-token-1", expires_in = 3600 });
        }));
        await using var _service = service;
        await using var bot = await BotHost.StartAsync($"--DirectLine:Secret={secret}", $"--DirectLine:Endpoint={address}/v3/directline");

        var response = await bot.Http.PostAsync("/api/directline/token", null);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(("azure-token-1", "azure-conv-1"), (body.GetProperty("token").GetString(), body.GetProperty("conversationId").GetString()));
        var (authorization, user) = Assert.Single(seen);
        Assert.Equal($"Bearer {secret}", authorization);
        Assert.StartsWith("dl_", user, StringComparison.Ordinal);
        Assert.Equal(user, body.GetProperty("userId").GetString());
        // With a real Direct Line configured, the local one is not served.
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.PostAsync("/v3/directline/conversations", null)).StatusCode);
    }

    [Fact]
    public async Task DirectLineDown_TheBrowserGets502_NotTheSecret()
    {
        await using var bot = await BotHost.StartAsync("--DirectLine:Secret=s3cr3t", "--DirectLine:Endpoint=http://127.0.0.1:9/v3/directline");

        var response = await bot.Http.PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain("s3cr3t", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
