using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using Chatbot.BotFramework.Schema;
using Chatbot.Functions.Tests.Escalations;
using Chatbot.Functions.Tests.Storage;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Data.Sqlite;

namespace Chatbot.Functions.Tests.Worker;

/// <summary>
/// The worker's queue and timer functions invoked over gRPC as the Functions host invokes them,
/// on what the worker itself stored while answering a patient through the same stand-in: notify,
/// and both timers (dispatch, retention).
/// </summary>
public class WorkerTriggersOverGrpcTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ANurseAskedFor_IsNoticedByStaff_WhenTheHostHandsTheQueuedNoticeToNotify()
    {
        var prefix = AzuriteFixture.NewPrefix();
        await using var hook = await StaffWebhook.StartAsync();
        await using var host = await GrpcHostStandIn.StartAsync();
        // As on Azure Functions: no queue listener in the worker, the host runs notify per message.
        var worker = await HostedWorker.StartAsync(host, Settings(
            [.. fixture.Azurite.Settings(prefix), .. Webhook(hook), "--Notifications:PollInterval=01:00:00"]));
        var id = await AskForANurseAsync(worker);
        var queue = new QueueClient(fixture.Azurite.ConnectionString, $"{prefix}-notifications",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var queued = Assert.Single((await queue.ReceiveMessagesAsync(10)).Value);
        Assert.Empty(hook.Received);

        var invocation = await worker.InvokeQueueAsync(
            "notify", queued.MessageId, queued.MessageText, queued.DequeueCount);

        Succeeded(invocation, host);
        var (body, _, key, signed) = Assert.Single(hook.Received);
        Assert.True(signed);
        Assert.Equal($"{id}:webhook", key);
        Assert.Contains("human_requested", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoticeStaffRefusedOnce_IsDeliveredByTheDispatchTimersNextTick()
    {
        await using var hook = await StaffWebhook.StartAsync(down: true);
        await using var host = await GrpcHostStandIn.StartAsync();
        var worker = await HostedWorker.StartAsync(host, Settings(
        [
            $"--Storage:SqlitePath={Path.Combine(Path.GetTempPath(), $"chatbot-{Guid.NewGuid():N}", "chatbot.db")}",
            .. Webhook(hook), "--Notifications:FirstRetryDelay=00:00:00", "--Notifications:PollInterval=01:00:00",
        ]));
        var id = await AskForANurseAsync(worker);
        await Eventually.TrueAsync(() => hook.Refused >= 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, hook.Refused);
        hook.Down = false;

        var invocation = await worker.InvokeTimerAsync("dispatch", DateTimeOffset.UtcNow);

        Succeeded(invocation, host);
        var (_, _, key, signed) = Assert.Single(hook.Received);
        Assert.True(signed);
        Assert.Equal($"{id}:webhook", key);
    }

    [Fact]
    public async Task AConversationSilentForLongerThanKept_IsDeletedByTheRetentionTimersTick()
    {
        var database = Path.Combine(Path.GetTempPath(), $"chatbot-{Guid.NewGuid():N}", "chatbot.db");
        await using var host = await GrpcHostStandIn.StartAsync();
        var worker = await HostedWorker.StartAsync(host, Settings([$"--Storage:SqlitePath={database}"]));
        await AskForANurseAsync(worker);
        Assert.Equal(1, await ConversationsAsync(database));
        // Forty days of silence, longer than the 30 days conversations are kept.
        await ConversationsAsync(database, $"UPDATE conversation_state SET updated_at = '{DateTimeOffset.UtcNow.AddDays(-40):O}'");

        var invocation = await worker.InvokeTimerAsync("retention", DateTimeOffset.UtcNow);

        Succeeded(invocation, host);
        Assert.Equal(0, await ConversationsAsync(database));
    }

    /// <summary>Runs <paramref name="sql"/> on the worker's SQLite file, then counts its conversations.</summary>
    private static async Task<long> ConversationsAsync(string database, string? sql = null)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = (sql is null ? "" : sql + ";") + "SELECT COUNT(*) FROM conversation_state";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The patient's request through the messages function; the escalation's id from the reply.</summary>
    private static async Task<string> AskForANurseAsync(HostedWorker worker)
    {
        var question = Patient.Says("je voudrais parler à une infirmière", conversation: "grpc-nurse") with
        {
            DeliveryMode = DeliveryModes.ExpectReplies,
        };
        var (response, invocation) = await worker.PostActivityAsync(
            JsonContent.Create(question, BotJson.Default.Activity));
        Succeeded(invocation, worker.Host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync(BotJson.Default.ExpectedReplies))!.Activities;
        return Assert.Single(replies).Chatbot().GetProperty("escalation").GetProperty("id").GetString()!;
    }

    private static void Succeeded(InvocationResponse invocation, GrpcHostStandIn host) =>
        Assert.True(invocation.Result.Status == StatusResult.Types.Status.Success,
            $"{invocation.Result.Exception?.Message} | {string.Join(" | ", host.Output.TakeLast(20))}");

    private static string[] Webhook(StaffWebhook hook) =>
        [$"--Notifications:Webhook:Url={hook.Url}", $"--Notifications:Webhook:Secret={StaffWebhook.Secret}"];

    /// <summary>The tests' settings as the worker's environment (app settings): <c>A:B</c> is <c>A__B</c>.</summary>
    private static Dictionary<string, string> Settings(string[] settings) => settings
        .Select(s => s.TrimStart('-').Split('=', 2))
        .ToDictionary(s => s[0].Replace(":", "__", StringComparison.Ordinal), s => s[1]);
}
