using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.BotFramework.Schema;
using Chatbot.Functions.Telemetry;
using Chatbot.Functions.Tests.Escalations;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Tests.Telemetry;

/// <summary>
/// Tests that listen to the whole process (spans and meters are process-wide) run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryAlone
{
    public const string Name = "Telemetry";
}

/// <summary>
/// One patient's conversation with telemetry on, exporting by OTLP/HTTP to a loopback collector: a
/// question carrying a marker sentence, an emergency with a phone number and an e-mail (notified to
/// the staff webhook), the number again, staff acknowledging, and the marker through the local
/// Direct Line (whose paths carry the conversation id). Everything that must never be exported is in
/// <see cref="Secrets"/>.
/// </summary>
public sealed class TelemetryScenario : IAsyncDisposable
{
    public const string Marker = "Mon chat Zéphyrin mange des clémentines bleues";
    public const string PseudonymKey = "test-pseudonym-key-0123456789abcdef";
    private const string StaffKey = "telemetry-staff-key";

    private bool stopped;
    private readonly string conversation = "conv-" + Guid.NewGuid().ToString("N");
    private readonly string user = "patient-" + Guid.NewGuid().ToString("N");
    private readonly List<string> secrets =
    [
        Marker, "Zéphyrin", "zephyrin", "clémentines bleues", "clementines bleues",
        "06 12 34 56 78", "0612345678", "12 34 56 78", "jeanne.marchetti@example.org", "Marchetti",
    ];

    private TelemetryScenario(BotHost bot, FakeChannel channel, StaffWebhook hook, OtlpCollector collector)
    {
        Bot = bot;
        Channel = channel;
        Hook = hook;
        Collector = collector;
        secrets.AddRange([conversation, user]);
    }

    public BotHost Bot { get; }

    public FakeChannel Channel { get; }

    public StaffWebhook Hook { get; }

    public OtlpCollector Collector { get; }

    public IReadOnlyList<string> Secrets => secrets;

    /// <summary>How many notices the conversation sent staff (known once played).</summary>
    public int Notices { get; private set; }

    /// <summary>The pseudonym the bot's spans must give the Connector conversation.</summary>
    public string ConversationPseudonym =>
        new Pseudonyms(Options.Create(new TelemetryOptions { PseudonymKey = PseudonymKey })).Of("emulator:" + conversation);

    public static async Task<TelemetryScenario> StartAsync(bool worker, Action<IServiceCollection>? replace = null, params string[] settings)
    {
        var collector = await OtlpCollector.StartAsync();
        var channel = await FakeChannel.StartAsync();
        var hook = await StaffWebhook.StartAsync();
        var bot = await BotHost.StartIn(worker, replace,
        [
            .. collector.Settings,
            $"--Telemetry:PseudonymKey={PseudonymKey}",
            $"--Staff:ApiKey={StaffKey}",
            $"--Notifications:Webhook:Url={hook.Url}",
            $"--Notifications:Webhook:Secret={StaffWebhook.Secret}",
            "--Logging:LogLevel:Default=Information",
            .. settings,
        ]);
        return new TelemetryScenario(bot, channel, hook, collector);
    }

    /// <summary>Plays the conversation; returns the escalation's id.</summary>
    public async Task<string> PlayAsync()
    {
        await SayAsync($"{Marker}. Faut-il être à jeun pour une ostéosynthèse ?");
        await SayAsync("je ne sens plus mes jambes depuis l'intervention, rappelez-moi au 06 12 34 56 78 ou jeanne.marchetti@example.org");
        await SayAsync($"{Marker}, mon numéro est le 0612345678");
        await Eventually.TrueAsync(() => Channel.Received.Count >= 3);
        var escalations = Channel.Received.Select(r => r.Activity.Chatbot())
            .Where(c => c.TryGetProperty("escalation", out var e) && e.ValueKind == JsonValueKind.Object)
            .Select(c => c.GetProperty("escalation")).ToList();
        var escalation = escalations.First().GetProperty("id").GetString()!;
        // Staff are notified of the escalation and of each message relayed to it.
        Notices = escalations.Count(e => e.GetProperty("status").GetString() is "created" or "relayed");
        await Hook.WaitForAsync(Notices);

        using var acknowledge = new HttpRequestMessage(HttpMethod.Post, $"/api/escalations/{escalation}/acknowledge");
        acknowledge.Headers.Add("X-Api-Key", StaffKey);
        (await Bot.Http.SendAsync(acknowledge)).EnsureSuccessStatusCode();

        await ThroughDirectLineAsync($"{Marker}. Est-ce que je serai endormi ?");
        return escalation;
    }

    private async Task SayAsync(string text)
    {
        var activity = Patient.Says(text, conversation, serviceUrl: Channel.ServiceUrl) with
        {
            From = new ChannelAccount(user, "Jeanne Marchetti") { Role = "user" },
        };
        (await Bot.PostAsync(activity)).EnsureSuccessStatusCode();
    }

    private async Task ThroughDirectLineAsync(string text)
    {
        var token = await (await Bot.Http.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        var id = token.GetProperty("conversationId").GetString()!;
        secrets.AddRange([id, token.GetProperty("userId").GetString()!]);
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", token.GetProperty("token").GetString());
        (await Bot.Http.SendAsync(start)).EnsureSuccessStatusCode();
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { type = "message", text, locale = "fr-FR", from = new { id = "x", name = "Jeanne Marchetti" } }), Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new("Bearer", token.GetProperty("token").GetString());
        (await Bot.Http.SendAsync(post)).EnsureSuccessStatusCode();
    }

    /// <summary>Stops the bot first: its exporters flush what they hold to the collector, still listening.</summary>
    public async Task StopBotAsync()
    {
        if (stopped) return;
        stopped = true;
        await Bot.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        await Hook.DisposeAsync();
        await Channel.DisposeAsync();
        await Collector.DisposeAsync();
    }
}
