using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Functions.Tests.Auth;

namespace Chatbot.Functions.Tests.Staff;

public class StaffApiTests
{
    private const string Key = "local-staff-key";

    private static async Task<(BotHost Bot, string EscalationId)> EscalatedAsync(FakeChannel channel, params string[] settings)
    {
        var bot = await BotHost.StartAsync([$"--Staff:ApiKey={Key}", .. settings]);
        var reply = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("je m'appelle Jeanne Martin, je voudrais parler à une infirmière", serviceUrl: channel.ServiceUrl)));
        return (bot, reply.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!);
    }

    private static HttpRequestMessage Staff(HttpMethod method, string path, string? key = Key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    [Fact]
    public async Task NoKeyAndNoEntraConfigured_TheApiIsClosed()
    {
        await using var bot = await BotHost.StartAsync();

        var response = await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations", key: "anything"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task MissingOrWrongKey_Gets401(string? key)
    {
        await using var channel = await FakeChannel.StartAsync();
        var (bot, _) = await EscalatedAsync(channel);
        await using var _bot = bot;

        var response = await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations", key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenEscalations_AreListed_WithTheTranscriptMasked()
    {
        await using var channel = await FakeChannel.StartAsync();
        var (bot, id) = await EscalatedAsync(channel);
        await using var _bot = bot;

        var list = await (await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations?status=open"))).Content.ReadFromJsonAsync<JsonElement>();
        var one = await (await bot.Http.SendAsync(Staff(HttpMethod.Get, $"/api/escalations/{id}"))).Content.ReadAsStringAsync();

        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("[nom]", one, StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", one, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/escalations/esc-unknown"))).StatusCode);
    }

    [Fact]
    public async Task ErasingAConversation_NeedsStaff_ThenForgetsItsStateAndEscalations()
    {
        await using var channel = await FakeChannel.StartAsync();
        var (bot, id) = await EscalatedAsync(channel);
        await using var _bot = bot;
        var key = Uri.EscapeDataString("emulator:conv-1");

        var refused = await bot.Http.SendAsync(Staff(HttpMethod.Delete, $"/api/conversations/{key}", key: null));
        var erased = await bot.Http.SendAsync(Staff(HttpMethod.Delete, $"/api/conversations/{key}"));
        var again = await bot.Http.SendAsync(Staff(HttpMethod.Delete, $"/api/conversations/{key}"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var report = await erased.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (report.GetProperty("conversations").GetInt32(), report.GetProperty("escalations").GetInt32()));
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("escalations").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.SendAsync(Staff(HttpMethod.Get, $"/api/escalations/{id}"))).StatusCode);
        var fresh = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("bonjour", serviceUrl: channel.ServiceUrl)));
        Assert.Equal("greeting", fresh.Chatbot().GetProperty("topic").GetString());
    }

    [Fact]
    public async Task AcknowledgeTwice_SecondIs409_AndBothAreAudited()
    {
        await using var channel = await FakeChannel.StartAsync();
        var (bot, id) = await EscalatedAsync(channel);
        await using var _bot = bot;

        var first = await bot.Http.SendAsync(Staff(HttpMethod.Post, $"/api/escalations/{id}/acknowledge"));
        var second = await bot.Http.SendAsync(Staff(HttpMethod.Post, $"/api/escalations/{id}/acknowledge"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var record = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acknowledged", record.GetProperty("status").GetString());
        Assert.Equal(["created", "acknowledged"], record.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("clé locale", record.GetProperty("history")[1].GetProperty("who").GetString());
    }

    [Fact]
    public async Task ANurseWhoGaveHerName_IsNamedInTheAuditTrail_WithoutMarkup()
    {
        await using var channel = await FakeChannel.StartAsync();
        var (bot, id) = await EscalatedAsync(channel);
        await using var _bot = bot;
        var acknowledge = Staff(HttpMethod.Post, $"/api/escalations/{id}/acknowledge");
        acknowledge.Headers.Add("X-Staff-Name", Uri.EscapeDataString("Élise Martin <b>\n"));

        var record = await (await bot.Http.SendAsync(acknowledge)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Élise Martin b (clé locale)", record.GetProperty("history")[1].GetProperty("who").GetString());
    }

    [Fact]
    public async Task StaffReply_ReachesThePatientsChat_ThenThePatientIsRelayed_UntilResolved()
    {
        await using var channel = await FakeChannel.StartAsync();
        var (bot, id) = await EscalatedAsync(channel);
        await using var _bot = bot;

        var replied = await bot.Http.SendAsync(Staff(HttpMethod.Post, $"/api/escalations/{id}/reply", body: new { text = "Bonjour, ici l'infirmière, je vous appelle dans 10 minutes." }));

        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        var proactive = Assert.Single(channel.Received);
        Assert.Null(proactive.ReplyToId);
        Assert.Equal("user-1", proactive.Activity.Recipient!.Id);
        Assert.Contains("Équipe soignante", proactive.Activity.Text, StringComparison.Ordinal);
        Assert.Contains("je vous appelle dans 10 minutes", proactive.Activity.Text, StringComparison.Ordinal);
        var careTeam = proactive.Activity.ChannelData!.Element.GetProperty("careTeam");
        Assert.Equal("Équipe soignante", careTeam.GetProperty("label").GetString());
        Assert.Equal("Bonjour, ici l'infirmière, je vous appelle dans 10 minutes.", careTeam.GetProperty("text").GetString());

        var relayed = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("merci, mon numéro est le 06 12 34 56 78")));
        Assert.Equal("relayed", relayed.Chatbot().GetProperty("escalation").GetProperty("status").GetString());
        var record = await (await bot.Http.SendAsync(Staff(HttpMethod.Get, $"/api/escalations/{id}"))).Content.ReadFromJsonAsync<JsonElement>();
        var lastPatientLine = record.GetProperty("transcript").EnumerateArray().Last(l => l.GetProperty("from").GetString() == "patient").GetProperty("text").GetString();
        Assert.Equal("merci, mon numéro est le [téléphone]", lastPatientLine);

        Assert.Equal(HttpStatusCode.OK, (await bot.Http.SendAsync(Staff(HttpMethod.Post, $"/api/escalations/{id}/resolve"))).StatusCode);
        var backToBot = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("faut il etre a jeun pour une osteosynthese ?")));
        Assert.Equal("answer", backToBot.Chatbot().GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await bot.Http.SendAsync(Staff(HttpMethod.Post, $"/api/escalations/{id}/reply", body: new { text = "encore" }))).StatusCode);
    }

    [Fact]
    public async Task EmptyReply_Gets400()
    {
        await using var channel = await FakeChannel.StartAsync();
        var (bot, id) = await EscalatedAsync(channel);
        await using var _bot = bot;

        var response = await bot.Http.SendAsync(Staff(HttpMethod.Post, $"/api/escalations/{id}/reply", body: new { text = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(channel.Received);
    }

    [Fact]
    public async Task EntraToken_WithoutTheRole_Gets403_WithTheRole_IsServed()
    {
        await using var issuer = await TokenIssuer.StartAsync();
        await using var channel = await FakeChannel.StartAsync();
        var (bot, _) = await EscalatedAsync(channel,
            $"--Staff:Entra:Authority={issuer.Base}", "--Staff:Entra:Audience=staff-api", $"--Staff:Entra:MetadataUrl={issuer.MetadataUrl}");
        await using var _bot = bot;
        HttpRequestMessage WithToken(params string[] roles)
        {
            var request = Staff(HttpMethod.Get, "/api/escalations", key: null);
            request.Headers.Authorization = new("Bearer", issuer.Token("", audience: "staff-api", issuer: issuer.Base,
                claims: new Dictionary<string, object> { ["roles"] = roles, ["preferred_username"] = "nurse@hospital.example" }));
            return request;
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await bot.Http.SendAsync(WithToken("Something.Else"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.SendAsync(WithToken("Escalations.Handle"))).StatusCode);
    }
}
