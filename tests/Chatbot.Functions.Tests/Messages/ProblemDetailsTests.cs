using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Chatbot.Functions.Tests.Messages;

/// <summary>Bad input gets RFC 9457 problem details in plain words: never our types or the parser's positions.</summary>
public class ProblemDetailsTests
{
    /// <summary>False: the plain server; <see cref="ProblemDetailsTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    private const string Key = "local-staff-key";

    private static readonly string[] Internals = ["Chatbot.", "System.", "`1", "Path:", "LineNumber", "BytePosition"];

    /// <summary>Bodies an attacker or a broken client sends, as bytes (some are not even UTF-8).</summary>
    public static TheoryData<string, byte[]> Bodies() => new()
    {
        { "truncated JSON", Utf8("{\"type\": \"message\", \"text\": \"bon") },
        { "an array for the activity", Utf8("[{\"type\":\"message\"}]") },
        { "a number for the text", Utf8("{\"type\":\"message\",\"text\":42}") },
        { "an object for the text", Utf8("{\"type\":\"message\",\"text\":{\"a\":1}}") },
        { "a string for the conversation", Utf8("{\"type\":\"message\",\"conversation\":\"c\"}") },
        { "an object for the entities", Utf8("{\"type\":\"message\",\"entities\":{\"type\":\"x\"}}") },
        { "a string for the attachments", Utf8("{\"type\":\"message\",\"attachments\":\"none\"}") },
        { "a number for the timestamp", Utf8("{\"type\":\"message\",\"timestamp\":1e400}") },
        { "a huge number for the text", Utf8("{\"type\":\"message\",\"text\":" + new string('9', 400) + "}") },
        { "true for the type", Utf8("{\"type\":true}") },
        { "a string for the member list", Utf8("{\"type\":\"conversationUpdate\",\"membersAdded\":\"all\"}") },
        { "invalid UTF-8 in the text", [.. Utf8("{\"type\":\"message\",\"text\":\""), 0xC3, 0x28, 0xFF, .. Utf8("\"}")] },
        { "invalid UTF-8 outside strings", [.. Utf8("{\"type\":"), 0xFE, 0xFF, .. Utf8("}")] },
        { "a byte-order mark then nothing", [0xEF, 0xBB, 0xBF] },
        { "trailing garbage", Utf8("{\"type\":\"message\"} {\"type\":\"message\"}") },
        { "a comment", Utf8("{\"type\":\"message\" /* hi */}") },
        { "deep nesting", Utf8("{\"type\":\"message\",\"value\":" + new string('[', 5000) + new string(']', 5000) + "}") },
        { "JSON null", Utf8("null") },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task MalformedActivity_ToEveryEndpoint_GetsAPlainProblem(string what, byte[] body)
    {
        await using var bot = await BotHost.StartIn(InTheWorker, $"--Staff:ApiKey={Key}");
        var session = await LocalSessionAsync(bot);

        await AssertPlainProblemAsync(what, "/api/messages", await bot.Http.SendAsync(Post("/api/messages", body)));
        await AssertPlainProblemAsync(what, "staff reply", await bot.Http.SendAsync(StaffReply(body)));
        var post = Post($"/v3/directline/conversations/{session.Conversation}/activities", body);
        post.Headers.Authorization = new("Bearer", session.Token);
        await AssertPlainProblemAsync(what, "Direct Line post", await bot.Http.SendAsync(post));
    }

    [Fact]
    public async Task StaffReplyWithoutAJsonContentType_Gets415WithAReason()
    {
        await using var bot = await BotHost.StartIn(InTheWorker, $"--Staff:ApiKey={Key}");
        var request = StaffReply(Utf8("text=bonjour"));
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertPlainProblemAsync("form body", "staff reply", response);
    }

    [Fact]
    public async Task UnknownEscalation_AnswersProblemDetails_WithTypeTitleStatusDetail_AndTheOldErrorMember()
    {
        await using var bot = await BotHost.StartIn(InTheWorker, $"--Staff:ApiKey={Key}");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/escalations/nope");
        request.Headers.Add("X-Api-Key", Key);

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("about:blank", problem.GetProperty("type").GetString());
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("no escalation nope", problem.GetProperty("detail").GetString());
        Assert.Equal("no escalation nope", problem.GetProperty("error").GetString());
    }

    private static async Task AssertPlainProblemAsync(string what, string where, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 400 and < 500, $"{what} to {where}: {status} {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what} to {where}: {response.Content.Headers.ContentType} {text}");
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"{what} to {where}: no detail");
        foreach (var word in Internals) Assert.False(text.Contains(word, StringComparison.Ordinal), $"{what} to {where}: '{word}' in {text}");
    }

    private static HttpRequestMessage Post(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static HttpRequestMessage StaffReply(byte[] body)
    {
        var request = Post("/api/escalations/some-id/reply", body);
        request.Headers.Add("X-Api-Key", Key);
        return request;
    }

    private static async Task<(string Token, string Conversation)> LocalSessionAsync(BotHost bot)
    {
        var issued = await (await bot.Http.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("token").GetString()!;
        var conversation = issued.GetProperty("conversationId").GetString()!;
        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", token);
        (await bot.Http.SendAsync(start)).EnsureSuccessStatusCode();
        return (token, conversation);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>The same tests on the isolated worker, reached as the Functions host routes requests.</summary>
public sealed class ProblemDetailsTestsInTheWorker : ProblemDetailsTests
{
    protected override bool InTheWorker => true;
}
