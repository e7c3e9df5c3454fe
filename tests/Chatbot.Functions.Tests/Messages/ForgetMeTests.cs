using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.BotFramework.Schema;
using Chatbot.Functions.State;
using Chatbot.Functions.Tests.Storage;

namespace Chatbot.Functions.Tests.Messages;

/// <summary>"Oubliez-moi" in the chat: confirmed, then the conversation and the request's words are gone.</summary>
public class ForgetMeTests
{
    private const string Key = "local-staff-key";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ForgetMe_WhileStaffAnswer_ErasesTheConversation_ClosesTheRequest_AndStaffSeeWhy(bool azure)
    {
        await using var azurite = azure ? await Azurite.StartAsync() : null;
        await using var channel = await FakeChannel.StartAsync();
        string[] store = azurite is null ? [] : azurite.Settings(AzuriteFixture.NewPrefix());
        await using var bot = await BotHost.StartAsync([$"--Staff:ApiKey={Key}", .. store]);
        Activity Says(string text) => Patient.Says(text, conversation: "oubli", serviceUrl: channel.ServiceUrl);
        // A question the documents do not answer is kept for the editors, with its words (the marker).
        await bot.ExpectRepliesAsync(Says("zorglub : combien coûte la vertébroplastie ?"));
        Assert.Contains("zorglub", await ReviewAsync(bot), StringComparison.Ordinal);
        var first = Says("je m'appelle Jeanne Martin, je voudrais parler à une infirmière");
        var opened = Assert.Single(await bot.ExpectRepliesAsync(first));
        var id = opened.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!;
        await bot.ExpectRepliesAsync(Says("06 12 34 56 78"));
        Assert.Equal(HttpStatusCode.OK, (await StaffAsync(bot, HttpMethod.Post, $"/api/escalations/{id}/reply", new { text = "Je vous rappelle, Mme Martin." })).StatusCode);

        var asked = Assert.Single(await bot.ExpectRepliesAsync(Says("oubliez-moi")));
        var done = Assert.Single(await bot.ExpectRepliesAsync(Says("Oui, tout effacer")));

        Assert.Contains("efface cette conversation", asked.Text, StringComparison.Ordinal);
        Assert.Contains("conversation est effacée", done.Text, StringComparison.Ordinal);
        Assert.Equal("erased", done.Chatbot().GetProperty("escalation").GetProperty("status").GetString());
        var record = await (await StaffAsync(bot, HttpMethod.Get, $"/api/escalations/{id}")).Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(record);
        Assert.Equal("resolved", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("transcript").EnumerateArray());
        Assert.Contains("erasure_requested", record, StringComparison.Ordinal);
        Assert.DoesNotContain("0612345678", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Je vous rappelle", record, StringComparison.Ordinal);
        var stored = await bot.Services.GetRequiredService<IConversationStore>().LoadAsync("emulator:oubli", CancellationToken.None);
        Assert.Equal((0, null, 0), (stored.State.Turns, stored.State.OpenEscalation, stored.State.Transcript.Count));
        Assert.DoesNotContain("zorglub", await ReviewAsync(bot), StringComparison.Ordinal);
        // The replies kept for a channel's retries went too: the first message, sent again, is a new turn.
        var again = Assert.Single(await bot.ExpectRepliesAsync(first));
        Assert.NotEqual(id, again.Chatbot().GetProperty("escalation").GetProperty("id").GetString());
        // A staff reply written meanwhile is refused plainly, not sent into a forgotten conversation.
        var late = await StaffAsync(bot, HttpMethod.Post, $"/api/escalations/{id}/reply", new { text = "encore" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    private static async Task<string> ReviewAsync(BotHost bot) =>
        await (await StaffAsync(bot, HttpMethod.Get, "/api/staff/review")).Content.ReadAsStringAsync();

    private static Task<HttpResponseMessage> StaffAsync(BotHost bot, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", Key);
        if (body is not null) request.Content = JsonContent.Create(body);
        return bot.Http.SendAsync(request);
    }
}
