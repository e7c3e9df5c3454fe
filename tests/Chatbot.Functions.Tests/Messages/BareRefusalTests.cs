using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Chatbot.Functions.Tests.Messages;

/// <summary>Found by the fuzz test: refusals none of our endpoints writes say why, and cost no connection.</summary>
public class BareRefusalTests
{
    /// <summary>False: the plain server; <see cref="BareRefusalTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task AnUnknownAddress_AWrongMethod_AndAMissingKey_AreAnsweredWithAReason()
    {
        await using var bot = await BotHost.StartIn(InTheWorker, "--Staff:ApiKey=the-key");

        var unknown = await bot.Http.GetAsync("/v3/directline/conversations/../activities");
        var wrongMethod = await bot.Http.GetAsync("/api/messages");
        var noKey = await bot.Http.GetAsync("/api/escalations");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("nothing is served at this address", await DetailAsync(unknown));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("this address does not take GET requests", await DetailAsync(wrongMethod));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("a valid token or key is required", await DetailAsync(noKey));
    }

    [Fact]
    public async Task AnOversizedBody_ToAnEndpointThatNeverReadsIt_Gets413_AndTheNextRequestIsAnswered()
    {
        await using var bot = await BotHost.StartIn(InTheWorker);
        var huge = new StringContent(new string('x', 300_000), Encoding.UTF8, "application/json");

        // Before: 200, then Kestrel dropped the kept-alive connection under the client's next request.
        var refused = await bot.Http.PostAsync("/api/directline/token", huge);
        var next = await bot.Http.PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("the body is too large", await DetailAsync(refused));
        Assert.True(refused.Headers.ConnectionClose);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}

/// <summary>The same tests on the isolated worker, reached as the Functions host routes requests.</summary>
public sealed class BareRefusalTestsInTheWorker : BareRefusalTests
{
    protected override bool InTheWorker => true;
}
