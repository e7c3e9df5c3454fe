using System.Text.Json;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.Tests.Storage;

namespace Chatbot.Functions.Tests.Escalations;

public class EscalationTests
{
    private static string[] Notifications(StaffWebhook hook, int maxAttempts = 10) =>
    [
        $"--Notifications:Webhook:Url={hook.Url}",
        $"--Notifications:Webhook:Secret={StaffWebhook.Secret}",
        "--Notifications:FirstRetryDelay=00:00:00.050",
        "--Notifications:MaxRetryDelay=00:00:00.200",
        "--Notifications:PollInterval=00:00:00.100",
        $"--Notifications:MaxAttempts={maxAttempts}",
    ];

    [Theory]
    [InlineData("j'ai 40 de fièvre depuis ce matin après ma cimentoplastie", "emergency", "fr")]
    [InlineData("vorrei parlare con un'infermiera per favore", "human_requested", "it")]
    [InlineData("should I stop my anticoagulant before the vertebroplasty?", "medical_advice", "en")]
    public async Task EscalationTrigger_IsStoredWithItsId_AndStaffAreNotified(string message, string reason, string language)
    {
        await using var hook = await StaffWebhook.StartAsync();
        await using var bot = await BotHost.StartAsync(Notifications(hook));

        var reply = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says(message)));

        var escalation = reply.Chatbot().GetProperty("escalation");
        Assert.Equal(("created", reason), (escalation.GetProperty("status").GetString(), escalation.GetProperty("reason").GetString()));
        var id = escalation.GetProperty("id").GetString()!;
        var stored = await bot.Services.GetRequiredService<SqliteEscalationStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal((EscalationStatus.Open, language), (stored!.Status, stored.Language));
        Assert.Equal("user-1", stored.Conversation.User!.Id);
        await hook.WaitForAsync(1);
        var (body, _, key, signed) = Assert.Single(hook.Received);
        Assert.True(signed);
        Assert.Equal($"{id}:webhook", key);
        Assert.Equal(reason, JsonDocument.Parse(body).RootElement.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("j'ai 40 de fièvre et des frissons depuis ma cimentoplastie", "je peux lui donner du doliprane et attendre demain ?")]
    [InlineData("my dad has 39.8 fever since his vertebroplasty", "can't I just bring him to the clinic in the morning?")]
    [InlineData("je veux en finir, je n'en peux plus", "non")]
    public async Task AfterAnEmergency_WaitingIsAnsweredWithTheGuidance_AndAddedToTheSameEscalation(string emergency, string then)
    {
        await using var hook = await StaffWebhook.StartAsync();
        await using var bot = await BotHost.StartAsync(Notifications(hook));
        var first = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says(emergency))).Chatbot().GetProperty("escalation");
        var id = first.GetProperty("id").GetString()!;

        var again = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says(then))).Chatbot();

        Assert.Contains(again.GetProperty("topic").GetString(), new[] { "emergency", "crisis" });
        var escalation = again.GetProperty("escalation");
        Assert.Equal(("relayed", "emergency", id),
            (escalation.GetProperty("status").GetString(), escalation.GetProperty("reason").GetString(), escalation.GetProperty("id").GetString()));
        var store = bot.Services.GetRequiredService<SqliteEscalationStore>();
        Assert.Single(await store.ListAllAsync(null));
        Assert.Equal("message", (await store.GetAsync(id, CancellationToken.None))!.History[^1].Action);
    }

    [Theory]
    [InlineData("je voudrais parler à une infirmière", "combien coûte la vertébroplastie ?",
        "Votre demande est déjà transmise à l'équipe")]
    [InlineData("je voudrais parler à une infirmière", "je prends du Kardégic, dois-je l'arrêter avant la vertébroplastie ?",
        "Je transmets votre question à l'équipe")]
    public async Task WithARequestOpen_WhatTheTeamShouldAnswer_IsAddedToIt_NotASecondRequest(
        string request, string then, string said)
    {
        await using var hook = await StaffWebhook.StartAsync();
        await using var bot = await BotHost.StartAsync(Notifications(hook));
        var first = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says(request))).Chatbot().GetProperty("escalation");
        var id = first.GetProperty("id").GetString()!;

        var added = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says(then)));

        var escalation = added.Chatbot().GetProperty("escalation");
        Assert.Equal(("relayed", id), (escalation.GetProperty("status").GetString(), escalation.GetProperty("id").GetString()));
        Assert.Contains(said, added.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("numéro de téléphone", added.Text, StringComparison.Ordinal);
        var store = bot.Services.GetRequiredService<SqliteEscalationStore>();
        Assert.Single(await store.ListAllAsync(null));
        Assert.Equal("message", (await store.GetAsync(id, CancellationToken.None))!.History[^1].Action);
        // Staff hear of the request, then of the message added to it: both notices name the one request.
        await hook.WaitForAsync(2);
        Assert.All(hook.Received, notice => Assert.StartsWith($"{id}:webhook", notice.IdempotencyKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEmergencyAfterTheLastOneWasClosed_OpensANewEscalation()
    {
        await using var bot = await BotHost.StartAsync("--Staff:ApiKey=k");
        var first = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("j'ai 40 de fièvre depuis ma cimentoplastie")));
        var id = first.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!;
        var resolve = new HttpRequestMessage(HttpMethod.Post, $"/api/escalations/{id}/resolve");
        resolve.Headers.Add("X-Api-Key", "k");
        (await bot.Http.SendAsync(resolve)).EnsureSuccessStatusCode();

        var second = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("il a encore 40 de fièvre ce soir")));

        var escalation = second.Chatbot().GetProperty("escalation");
        Assert.Equal("created", escalation.GetProperty("status").GetString());
        Assert.NotEqual(id, escalation.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AskingToWait_IsAboutTheEmergencyUntilStaffResolveIt_EvenAfterAnotherQuestion()
    {
        await using var bot = await BotHost.StartAsync("--Staff:ApiKey=k");
        var first = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("j'ai 40 de fièvre depuis ma cimentoplastie")));
        var id = first.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!;
        await bot.ExpectRepliesAsync(Patient.Says("combien de temps dure une vertébroplastie ?"));

        var stillOpen = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("je peux attendre demain ?")));
        Assert.Equal(id, stillOpen.Chatbot().GetProperty("escalation").GetProperty("id").GetString());

        var resolve = new HttpRequestMessage(HttpMethod.Post, $"/api/escalations/{id}/resolve");
        resolve.Headers.Add("X-Api-Key", "k");
        (await bot.Http.SendAsync(resolve)).EnsureSuccessStatusCode();
        await bot.ExpectRepliesAsync(Patient.Says("combien de temps dure une vertébroplastie ?"));
        var afterResolved = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("je peux attendre demain ?")));
        Assert.NotEqual("emergency", afterResolved.Chatbot().GetProperty("topic").GetString());
    }

    [Fact]
    public async Task Notification_CarriesNoPatientWords_NotEvenMasked_OnlyWhyAndWhere()
    {
        await using var hook = await StaffWebhook.StartAsync();
        await using var bot = await BotHost.StartAsync(Notifications(hook));

        await bot.ExpectRepliesAsync(Patient.Says("je m'appelle Jeanne Martin, rappelez moi au 06 12 34 56 78, ma sciatique du zèbre me lance, je veux parler à une infirmière"));

        await hook.WaitForAsync(1);
        var body = Assert.Single(hook.Received).Body;
        foreach (var words in new[] { "06 12", "Martin", "[nom]", "[téléphone]", "sciatique du zèbre", "infirmière" })
        {
            Assert.DoesNotContain(words, body, StringComparison.Ordinal);
        }
        var notice = JsonDocument.Parse(body).RootElement;
        Assert.Equal("human_requested", notice.GetProperty("reason").GetString());
        Assert.StartsWith("Demande à parler à quelqu'un — langue FR", notice.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookDownThenBack_WithARestartInBetween_NothingIsLost()
    {
        var data = Path.Combine(Path.GetTempPath(), "chatbot-outbox-" + Guid.NewGuid().ToString("N"));
        await using var hook = await StaffWebhook.StartAsync(down: true);
        string id;
        await using (var before = await BotHost.StartOnAsync(data, Notifications(hook)))
        {
            var reply = Assert.Single(await before.ExpectRepliesAsync(Patient.Says("je voudrais parler à quelqu'un du service")));
            id = reply.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!;
            while (hook.Refused < 2) await Task.Delay(20);
        }

        hook.Down = false;
        await using var after = await BotHost.StartOnAsync(data, Notifications(hook));

        await hook.WaitForAsync(1);
        var delivered = Assert.Single(hook.Received);
        Assert.Equal($"{id}:webhook", delivered.IdempotencyKey);
        Assert.True(delivered.SignatureValid);
        // The dispatcher records the delivery once the webhook has answered: wait for that too.
        var store = after.Services.GetRequiredService<SqliteEscalationStore>();
        var outbox = await Eventually.ValueAsync(() => store.OutboxAsync(null, null, CancellationToken.None), o => o.All(e => e.Status == OutboxStatus.Sent));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(outbox).Status);
    }

    [Fact]
    public async Task WebhookNeverBack_IsDeadLettered_AfterTheConfiguredAttempts()
    {
        await using var hook = await StaffWebhook.StartAsync(down: true);
        await using var bot = await BotHost.StartAsync(Notifications(hook, maxAttempts: 3));

        await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière"));

        var store = bot.Services.GetRequiredService<SqliteEscalationStore>();
        var dead = await Eventually.ValueAsync(() => store.OutboxAsync(OutboxStatus.Dead, null, CancellationToken.None), d => d.Count > 0);
        Assert.Equal(3, Assert.Single(dead).Attempts);
        Assert.Equal(3, hook.Refused);
    }

    [Theory]
    [InlineData("j'ai un petit bleu pas douloureux au point de piqûre, c'est normal ?")]
    [InlineData("et si j'ai de la fièvre après l'opération, je fais quoi ?")]
    [InlineData("what if I get a fever after the procedure?")]
    public async Task NearMiss_OpensNoEscalation(string message)
    {
        await using var hook = await StaffWebhook.StartAsync();
        await using var bot = await BotHost.StartAsync(Notifications(hook));

        var reply = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says(message)));

        Assert.NotEqual("created", reply.Chatbot().GetProperty("escalation") is { ValueKind: JsonValueKind.Object } e ? e.GetProperty("status").GetString() : null);
        Assert.Empty(await bot.Services.GetRequiredService<SqliteEscalationStore>().ListAllAsync(null));
    }

    [Fact]
    public async Task CallBackNumber_IsStoredInTheEscalationOnly_NeverInTheNotice()
    {
        await using var hook = await StaffWebhook.StartAsync();
        await using var bot = await BotHost.StartAsync(Notifications(hook));

        var first = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à quelqu'un du service")));
        var confirmed = Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("mon numéro : 06 12 34 56 78")));

        var id = first.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!;
        Assert.Equal("updated", confirmed.Chatbot().GetProperty("escalation").GetProperty("status").GetString());
        Assert.DoesNotContain("06 12", confirmed.ChannelData!.ToString(), StringComparison.Ordinal);
        var record = await bot.Services.GetRequiredService<SqliteEscalationStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal("0612345678", record!.Contact);
        Assert.Equal("callback_requested", record.History[^1].Action);
        await hook.WaitForAsync(1);
        Assert.All(hook.Received, r => Assert.DoesNotContain("0612345678", r.Body, StringComparison.Ordinal));
    }
}
