using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.State;
using Chatbot.Functions.Tests.Escalations;
using Chatbot.Functions.Worker;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>The bot with Storage:Provider=AzureStorage, on Azurite: several instances, the queue, the notify function.</summary>
public class ScaleOutTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private readonly string prefix = AzuriteFixture.NewPrefix();

    private Task<BotHost> InstanceAsync(StaffWebhook? hook = null, params string[] settings) => BotHost.StartAsync(
    [
        .. fixture.Azurite.Settings(prefix),
        .. hook is null ? [] : new[] { $"--Notifications:Webhook:Url={hook.Url}", $"--Notifications:Webhook:Secret={StaffWebhook.Secret}" },
        "--Notifications:FirstRetryDelay=00:00:01", .. settings,
    ]);

    [Fact]
    public async Task TwentyConcurrentTurnsOnTwoInstances_AreAllAnswered_AndNoUpdateIsLost()
    {
        await using var first = await InstanceAsync();
        await using var second = await InstanceAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? first : second).ExpectRepliesAsync(Patient.Says($"question {i} : faut il etre a jeun pour une osteosynthese ?", conversation: "shared"))));

        Assert.All(replies, r => Assert.Equal("fasting", Assert.Single(r).Chatbot().GetProperty("topic").GetString()));
        var stored = await second.Services.GetRequiredService<IConversationStore>().LoadAsync("emulator:shared", CancellationToken.None);
        Assert.Equal(20, stored.State.Turns);
    }

    [Fact]
    public async Task AnEscalation_ReachesStaffThroughTheQueue_Signed()
    {
        await using var hook = await StaffWebhook.StartAsync();
        await using var bot = await InstanceAsync(hook);

        var reply = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière", conversation: "queued")));
        var id = reply.Chatbot().GetProperty("escalation").GetProperty("id").GetString();

        await hook.WaitForAsync(1);
        var (body, _, key, signed) = Assert.Single(hook.Received);
        Assert.True(signed);
        Assert.Equal($"{id}:webhook", key);
        Assert.Contains("human_requested", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNotifyFunction_FailsWhileStaffAreUnreachable_SoTheHostRetries_ThenDelivers()
    {
        await using var hook = await StaffWebhook.StartAsync(down: true);
        // As on Azure Functions: the worker has no queue listener, the host runs notify per message.
        await using var bot = await WorkerAsync(hook, "--Notifications:PollInterval=01:00:00");
        var store = bot.Services.GetRequiredService<IEscalationStore>();
        var record = (await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière", conversation: "host")))[0];
        var id = record.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!;
        var entry = (await store.OutboxAsync(null, null, CancellationToken.None)).Single(e => e.EscalationId == id);
        var message = JsonSerializer.Serialize(new NotificationMessage(id, entry.Id), NotificationJson.Default.NotificationMessage);
        var functions = ActivatorUtilities.CreateInstance<TriggerFunctions>(bot.Services);

        var failed = await Assert.ThrowsAsync<NotificationNotDeliveredException>(() => functions.Notify(message, CancellationToken.None));
        hook.Down = false;
        await functions.Notify(message, CancellationToken.None);
        await functions.Notify(message, CancellationToken.None);

        Assert.Equal(Delivery.RetryLater, failed.Outcome);
        Assert.Single(hook.Received, r => r.IdempotencyKey == $"{id}:webhook");
        // Unreadable: it fails every time, so the host moves it to notifications-poison after maxDequeueCount.
        var unreadable = await Assert.ThrowsAsync<NotificationNotDeliveredException>(() => functions.Notify("{}", CancellationToken.None));
        Assert.Equal(Delivery.Unreadable, unreadable.Outcome);
    }

    private Task<BotHost> WorkerAsync(StaffWebhook hook, params string[] settings) => BotHost.StartWorkerAsync(
    [
        .. fixture.Azurite.Settings(prefix),
        $"--Notifications:Webhook:Url={hook.Url}", $"--Notifications:Webhook:Secret={StaffWebhook.Secret}",
        "--Notifications:FirstRetryDelay=00:00:01", .. settings,
    ]);

    [Fact]
    public async Task AMessageThatKeepsFailing_EndsInThePoisonQueue_AndTheEscalationStaysListed()
    {
        await using var hook = await StaffWebhook.StartAsync(down: true);
        await using var bot = await InstanceAsync(hook, "--Storage:MaxDequeueCount=2", "--Notifications:PollInterval=01:00:00");

        var reply = (await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière", conversation: "poison")))[0];

        var poison = new QueueClient(fixture.Azurite.ConnectionString, $"{prefix}-notifications-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var poisoned = await Eventually.ValueAsync(async () => (await poison.PeekMessagesAsync(10)).Value, m => m.Length > 0, TimeSpan.FromSeconds(20));
        var message = Assert.Single(poisoned);
        Assert.Contains(reply.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!, message.MessageText, StringComparison.Ordinal);
        Assert.Contains(await bot.Services.GetRequiredService<IEscalationStore>().ListAllAsync(EscalationStatus.Open),
            e => message.MessageText.Contains(e.Id, StringComparison.Ordinal));
    }
}
