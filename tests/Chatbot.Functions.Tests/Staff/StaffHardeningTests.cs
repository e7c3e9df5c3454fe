using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Functions.Tests.Staff;

/// <summary>Issue 22 item 8: failed sign-ins throttled per client, and nothing of a patient kept in a cache.</summary>
public class StaffHardeningTests
{
    private const string Key = "local-staff-key";

    private static HttpRequestMessage Staff(HttpMethod method, string path, string? key = Key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    [Fact]
    public async Task FiveWrongKeysInAMinute_TheSixthCallGets429WithRetryAfter_EvenWithTheRightKey_UntilTheMinuteEnds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new CapturedLogs();
        await using var bot = await BotHost.StartAsync(
            services => { services.AddSingleton<TimeProvider>(clock); logs.AddTo(services); }, $"--Staff:ApiKey={Key}");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations", "guess-" + i))).StatusCode);
        }
        var throttled = await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations", "guess-5"));
        var rightKeyTooSoon = await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations"));
        clock.Advance(TimeSpan.FromSeconds(61));
        var rightKeyLater = await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations"));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightKeyTooSoon.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightKeyLater.StatusCode);
        var warning = Assert.Single(logs.Lines, l => l.Contains("[1510]", StringComparison.Ordinal));
        Assert.Contains("Security", warning, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("guess-", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FourWrongKeysThenManyRightOnes_NothingIsThrottled()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        for (var i = 0; i < 4; i++) await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations", "typo"));

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations"))).StatusCode);
        }
    }

    [Theory]
    [InlineData("--Staff:FailedSignInWindow=00:00:00")]
    [InlineData("--Staff:FailedSignInWindow=2.00:00:00")]
    [InlineData("--Staff:FailedSignInsPerWindow=0")]
    public async Task AThrottleSettingOutOfRange_StopsTheStart_NamingIt(string setting)
    {
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => BotHost.StartAsync(setting));

        Assert.Contains(setting[8..setting.IndexOf('=', StringComparison.Ordinal)], refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryStaffAnswerCarryingPatientData_IsNoStore()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        var reply = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière", "conv-cache", channel.ServiceUrl)));
        var id = reply.Chatbot().GetProperty("escalation").GetProperty("id").GetString();
        (HttpMethod, string, object?)[] calls =
        [
            (HttpMethod.Get, "/api/escalations", null),
            (HttpMethod.Get, "/api/escalations?status=open", null),
            (HttpMethod.Get, $"/api/escalations/{id}", null),
            (HttpMethod.Get, "/api/escalations/outbox", null),
            (HttpMethod.Get, "/api/staff/labels", null),
            (HttpMethod.Post, $"/api/escalations/{id}/acknowledge", null),
            (HttpMethod.Post, $"/api/escalations/{id}/reply", new { text = "Nous vous rappelons." }),
            (HttpMethod.Post, $"/api/escalations/{id}/resolve", null),
            (HttpMethod.Get, "/api/escalations/unknown", null),
            (HttpMethod.Delete, "/api/conversations/emulator:conv-cache", null),
        ];

        foreach (var (method, path, body) in calls)
        {
            var response = await bot.Http.SendAsync(Staff(method, path, body: body));

            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{method} {path}: {response.StatusCode} {response.Headers.CacheControl}");
        }
    }
}
