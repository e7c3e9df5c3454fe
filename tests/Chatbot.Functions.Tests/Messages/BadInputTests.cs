using System.Net;
using System.Text;

namespace Chatbot.Functions.Tests.Messages;

public class BadInputTests
{
    /// <summary>False: the plain server; <see cref="BadInputTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    public static TheoryData<string, string, HttpStatusCode> Bodies() => new()
    {
        { "invalid JSON", "{\"type\": \"message\", ", HttpStatusCode.BadRequest },
        { "empty body", "", HttpStatusCode.BadRequest },
        { "JSON array", "[{\"type\":\"message\"}]", HttpStatusCode.BadRequest },
        { "JSON null", "null", HttpStatusCode.BadRequest },
        { "no type", "{\"text\":\"bonjour\",\"conversation\":{\"id\":\"c\"}}", HttpStatusCode.BadRequest },
        { "a number where text goes", "{\"type\":\"message\",\"text\":42}", HttpStatusCode.BadRequest },
        { "5 000-deep nesting", "{\"type\":\"message\",\"value\":" + new string('[', 5000) + new string(']', 5000) + "}", HttpStatusCode.BadRequest },
        { "2 MB of text", "{\"type\":\"message\",\"text\":\"" + new string('a', 2_000_000) + "\"}", HttpStatusCode.RequestEntityTooLarge },
        { "message without conversation", "{\"type\":\"message\",\"text\":\"bonjour\",\"serviceUrl\":\"http://127.0.0.1:9\"}", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task MalformedRequest_GetsAClearClientError_AndTheServerKeepsServing(string what, string body, HttpStatusCode expected)
    {
        await using var bot = await BotHost.StartIn(InTheWorker);

        using var response = await bot.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(expected == response.StatusCode, $"{what}: {response.StatusCode}");
        if (expected == HttpStatusCode.BadRequest) Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("bonjour")));
    }

    [Fact]
    public async Task WrongContentType_Gets415()
    {
        await using var bot = await BotHost.StartIn(InTheWorker);

        using var response = await bot.Http.PostAsync("/api/messages", new StringContent("type=message", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("<script>alert(1)</script><img src=x onerror=alert(1)>")]
    [InlineData("\u0000\u0007\u001b[31m bonjour \u202e")]
    [InlineData("😀😀😀")]
    public async Task HostileOrOddText_GetsANormalReply(string text)
    {
        await using var bot = await BotHost.StartIn(InTheWorker);

        var reply = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says(text)));

        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.DoesNotContain("<script>", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VeryLongMessageUnderTheBodyLimit_IsCutBeforeTheEngine_AndAnswered()
    {
        await using var bot = await BotHost.StartIn(InTheWorker);
        var text = "faut il etre a jeun pour une osteosynthese ? " + new string('x', 100_000);

        var reply = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says(text)));

        Assert.Equal("fasting", reply.Chatbot().GetProperty("topic").GetString());
    }
}

/// <summary>The same tests on the isolated worker, reached as the Functions host routes requests.</summary>
public sealed class BadInputTestsInTheWorker : BadInputTests
{
    protected override bool InTheWorker => true;
}
