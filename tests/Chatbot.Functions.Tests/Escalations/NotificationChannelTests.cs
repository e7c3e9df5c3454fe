using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Chatbot.Functions.Tests.Escalations;

public class NotificationChannelTests
{
    [Fact]
    public async Task TeamsWebhook_ReceivesAnAdaptiveCard_WithTheReasonAndAConsoleLink()
    {
        var cards = new ConcurrentQueue<JsonElement>();
        var (teams, address) = await Loopback.StartAsync(app => app.MapPost("/teams", async (HttpRequest request) =>
        {
            cards.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.Ok();
        }));
        await using var _teams = teams;
        await using var bot = await BotHost.StartAsync($"--Notifications:Teams:WebhookUrl={address}/teams", "--Notifications:ConsoleUrl=https://chat.hospital.example/staff");

        var reply = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("je ne sens plus mes jambes depuis l'intervention")));

        var id = reply.Chatbot().GetProperty("escalation").GetProperty("id").GetString();
        await Eventually.TrueAsync(() => !cards.IsEmpty);
        var message = Assert.Single(cards);
        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains("emergency", card.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal($"https://chat.hospital.example/staff#{id}", card.GetProperty("actions")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task TheDispatchTimerFunction_DeliversWhatIsDue()
    {
        await using var hook = await StaffWebhook.StartAsync(down: true);
        await using var bot = await BotHost.StartWorkerAsync(
            $"--Notifications:Webhook:Url={hook.Url}", $"--Notifications:Webhook:Secret={StaffWebhook.Secret}",
            "--Notifications:FirstRetryDelay=00:00:00", "--Notifications:PollInterval=01:00:00");
        await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière"));
        while (hook.Refused < 1) await Task.Delay(20);
        hook.Down = false;

        await ActivatorUtilities.CreateInstance<Functions.Worker.TriggerFunctions>(bot.Services)
            .Dispatch(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Single(hook.Received);
    }
}
