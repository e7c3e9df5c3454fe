using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Functions.Tests.Messages;

/// <summary>docs/security.md: what a browser is told about the pages, and what the logs never hold.</summary>
public class PagesAndLogsTests
{
    /// <summary>False: the plain server; <see cref="PagesAndLogsTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    [Theory]
    [InlineData("/")]
    [InlineData("/staff.html")]
    [InlineData("/api/health")]
    public async Task EveryPage_HasItsContentSecurityPolicy_NoSniff_AndNoReferrer(string path)
    {
        await using var bot = await BotHost.StartIn(InTheWorker);

        var response = await bot.Http.GetAsync(path);

        response.EnsureSuccessStatusCode();
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task APatientsWords_AndContactDetails_AreInNoLogLine_EvenForAnEmergencyFromWebChat()
    {
        var logs = new CapturedLogs();
        // As configured in production (appsettings.json), and our own categories at their most verbose.
        await using var bot = await BotHost.StartIn(InTheWorker, logs.AddTo,
            "--Logging:LogLevel:Default=Information", "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            "--Logging:LogLevel:Chatbot=Trace");
        const string words =
            "je m'appelle Jeanne Martin, très mal à la poitrine depuis ce matin, rappelez le 06 12 34 56 78";
        var issued = await bot.Http.PostAsync("/api/directline/token", null);
        var token = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var conversation = token.GetProperty("conversationId").GetString();
        HttpRequestMessage AsPatient(string path, object? body = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline" + path);
            request.Headers.Authorization = new("Bearer", token.GetProperty("token").GetString());
            if (body is not null) request.Content = JsonContent.Create(body);
            return request;
        }

        (await bot.Http.SendAsync(AsPatient("/conversations"))).EnsureSuccessStatusCode();
        (await bot.Http.SendAsync(AsPatient($"/conversations/{conversation}/activities",
            new { type = "message", text = words, locale = "fr-FR" }))).EnsureSuccessStatusCode();
        await bot.ExpectRepliesAsync(Patient.Says(words, "conv-logs"));

        Assert.NotEmpty(logs.Lines);
        foreach (var part in new[] { "Jeanne", "Martin", "poitrine", "06 12 34 56 78", "depuis ce matin" })
        {
            Assert.DoesNotContain(part, logs.All, StringComparison.OrdinalIgnoreCase);
        }
    }
}

/// <summary>The same tests on the isolated worker, reached as the Functions host routes requests.</summary>
public sealed class PagesAndLogsTestsInTheWorker : PagesAndLogsTests
{
    protected override bool InTheWorker => true;
}
