using System.Collections.Concurrent;

namespace Chatbot.Functions.Tests.Escalations;

public class OutboundLogTests
{
    private const string WebhookSecret = "IncomingWebhook/5f3c9a0d7e2b4c61a8d9e0f1b2c3d4e5/Vx9-secret-part";

    [Fact]
    public async Task TeamsWebhookDelivered_TheLogNamesTheHostOnly_NeverTheSecretPath()
    {
        var delivered = new ConcurrentQueue<string>();
        var (teams, address) = await Loopback.StartAsync(app => app.MapPost("/webhookb2/{**rest}", (string rest) =>
        {
            delivered.Enqueue(rest);
            return Results.Ok();
        }));
        await using var _teams = teams;
        var logs = new CapturedLogs();
        await using var bot = await BotHost.StartAsync(logs.AddTo,
            $"--Notifications:Teams:WebhookUrl={address}/webhookb2/{WebhookSecret}?tenant=hospital",
            "--Logging:LogLevel:Default=Information");

        await bot.ExpectRepliesAsync(Patient.Says("je ne sens plus mes jambes depuis l'intervention"));

        await Eventually.TrueAsync(() => !delivered.IsEmpty);
        var host = new Uri(address).Authority;
        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains($"200 from http://{host}", StringComparison.Ordinal)));
        Assert.DoesNotContain("5f3c9a0d7e2b4c61a8d9e0f1b2c3d4e5", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-part", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("webhookb2", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant=", logs.All, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Contains($"HTTP 200 from http://{host}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://hospital.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d?x=1#f", "https://hospital.webhook.office.com")]
    [InlineData("http://user:pw@127.0.0.1:3978/api/directline/connector/v3/conversations/abc/activities", "http://127.0.0.1:3978")]
    public void Destination_KeepsSchemeHostAndPort_DropsUserPathQuery(string url, string expected)
    {
        Assert.Equal(expected, Hosting.OutboundLog.Destination(new Uri(url)));
    }
}
