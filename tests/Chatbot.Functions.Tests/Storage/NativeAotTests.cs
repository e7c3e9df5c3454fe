using System.Diagnostics;
using System.Net.Http.Json;
using Chatbot.BotFramework.Schema;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.Tests.Escalations;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>
/// The Native AOT executable (the plain server, for containers), against Azurite:
/// Azure.Data.Tables is not AOT-annotated (docs/decisions/005), so this proves it works there.
/// test.sh publishes the executable before the tests and names it in CHATBOT_AOT_EXECUTABLE.
/// </summary>
public class NativeAotTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static string Executable()
    {
        var path = Environment.GetEnvironmentVariable("CHATBOT_AOT_EXECUTABLE") is { Length: > 0 } set ? set : Path.Combine(Repository.Root, "artifacts", "aot", "Chatbot.Functions");
        Assert.True(File.Exists(path), $"no Native AOT build at {path}: run bash test.sh, which publishes it before the tests");
        return path;
    }

    [Fact]
    public async Task TheAotServer_LoadsItsStoredUnderstanding_AnswersWithCitations_AndItsEscalationReachesStaff_ThroughTheQueue()
    {
        await using var hook = await StaffWebhook.StartAsync();
        var port = Azurite.FreePort();
        var prefix = AzuriteFixture.NewPrefix();
        var start = new ProcessStartInfo(Executable()) { WorkingDirectory = Path.GetDirectoryName(Executable())!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__Provider"] = "AzureStorage";
        start.Environment["Storage__ConnectionString"] = fixture.Azurite.ConnectionString;
        start.Environment["Storage__TablePrefix"] = prefix;
        start.Environment["Storage__NotificationQueue"] = $"{prefix}-notifications";
        start.Environment["Notifications__Webhook__Url"] = hook.Url;
        using var handler = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        handler.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        handler.BeginOutputReadLine();
        handler.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Eventually.ValueAsync(async () => await Healthy(http), ok => ok, TimeSpan.FromSeconds(15));

            var answer = await TurnAsync(http, "faut il etre a jeun pour une osteosynthese ?");
            var escalated = await TurnAsync(http, "je voudrais parler à une infirmière");

            Assert.Equal(("answer", "fasting"), (answer.Chatbot().GetProperty("action").GetString(), answer.Chatbot().GetProperty("topic").GetString()));
            Assert.NotEmpty(answer.Chatbot().GetProperty("citations").EnumerateArray());
            var id = escalated.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!;
            // Its own queue listener delivers the notice (Azure.Storage.Queues under AOT).
            await hook.WaitForAsync(1);
            Assert.Equal($"{id}:webhook", hook.Received.First().IdempotencyKey);
            // The publish stored the trained understanding; this cold start loaded it instead of training (docs/decisions/007).
            Assert.Contains(output, line => line.Contains("understanding loaded from its snapshot", StringComparison.Ordinal));
        }
        finally
        {
            handler.Kill(entireProcessTree: true);
            await handler.WaitForExitAsync();
        }
    }

    private static async Task<bool> Healthy(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/api/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<Chatbot.BotFramework.Schema.Activity> TurnAsync(HttpClient http, string text)
    {
        var response = await http.PostAsJsonAsync("/api/messages", Patient.Says(text, conversation: "aot") with { DeliveryMode = DeliveryModes.ExpectReplies }, BotJson.Default.Activity);
        response.EnsureSuccessStatusCode();
        return Assert.Single((await response.Content.ReadFromJsonAsync(BotJson.Default.ExpectedReplies))!.Activities);
    }
}
