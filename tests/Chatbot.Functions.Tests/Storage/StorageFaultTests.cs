using System.Net.Http.Json;
using Chatbot.BotFramework.Schema;
using Chatbot.Functions.State;
using Chatbot.Functions.Tests.Escalations;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>Azure Storage going away in the middle of conversations, then coming back.</summary>
public class StorageFaultTests
{
    [Fact]
    public async Task StorageAway_ThePatientIsToldPlainly_NoEscalationIsClaimed_AndOnceBackPendingNoticesAreDelivered()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var hook = await StaffWebhook.StartAsync(down: true);
        await using var bot = await BotHost.StartAsync(
        [
            .. azurite.Settings(AzuriteFixture.NewPrefix()), $"--Notifications:Webhook:Url={hook.Url}",
            "--Notifications:FirstRetryDelay=00:00:01", "--Notifications:PollInterval=00:00:01",
            // However long the outage lasts on a busy machine, the notice stays on the queue and is
            // retried every few seconds (else it is poisoned and the sweep, a minute later, delivers it).
            "--Notifications:MaxRetryDelay=00:00:02", "--Storage:MaxDequeueCount=100",
            // A notice in hand when Azurite stops stays hidden for its lease: keep it short.
            "--Notifications:Lease=00:00:05",
        ]);
        var opened = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière", conversation: "fault")));
        var id = opened.Chatbot().GetProperty("escalation").GetProperty("id").GetString();

        await azurite.StopAsync();
        var response = await bot.PostAsync(Patient.Says("je voudrais parler à un médecin tout de suite", conversation: "fault") with { DeliveryMode = DeliveryModes.ExpectReplies });
        var apology = Assert.Single((await response.Content.ReadFromJsonAsync(BotJson.Default.ExpectedReplies))!.Activities);

        response.EnsureSuccessStatusCode();
        Assert.Contains("problème technique", apology.Text, StringComparison.Ordinal);
        Assert.Contains("15", apology.Text, StringComparison.Ordinal);
        Assert.Null(apology.ChannelData);

        await azurite.StartAgainAsync();
        hook.Down = false;
        await hook.WaitForAsync(1, TimeSpan.FromSeconds(45));
        Assert.Equal($"{id}:webhook", hook.Received.First().IdempotencyKey);
        var stored = await bot.Services.GetRequiredService<IConversationStore>().LoadAsync("emulator:fault", CancellationToken.None);
        Assert.Equal((1, id), (stored.State.Turns, stored.State.OpenEscalation));
        var after = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("faut il etre a jeun pour une osteosynthese ?", conversation: "fault")));
        Assert.NotEqual(apology.Text, after.Text);
    }
}
