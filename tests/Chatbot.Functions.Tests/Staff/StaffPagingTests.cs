using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Functions.Tests.Staff;

/// <summary>The staff list over HTTP: pages, the token to the next one, and what is refused.</summary>
public class StaffPagingTests
{
    private const string Key = "local-staff-key";

    private static async Task<IReadOnlyList<string>> ThreePatientsAskForANurseAsync(BotHost bot, FakeChannel channel)
    {
        var ids = new List<string>();
        foreach (var conversation in new[] { "first", "second", "third" })
        {
            var reply = Assert.Single(await bot.ExpectRepliesAsync(
                Patient.Says("je voudrais parler à une infirmière", conversation, channel.ServiceUrl)));
            ids.Add(reply.Chatbot().GetProperty("escalation").GetProperty("id").GetString()!);
        }
        return ids;
    }

    private static async Task<HttpResponseMessage> ListAsync(BotHost bot, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/escalations" + query);
        request.Headers.Add("X-Api-Key", Key);
        return await bot.Http.SendAsync(request);
    }

    [Fact]
    public async Task AListOfTwoPerPage_GivesTheNewestFirst_AndATokenToTheRest()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync([$"--Staff:ApiKey={Key}"]);
        var created = await ThreePatientsAskForANurseAsync(bot, channel);

        var first = await ListAsync(bot, "?status=open&limit=2");
        var token = Assert.Single(first.Headers.GetValues("Continuation-Token"));
        var second = await ListAsync(bot, $"?status=open&limit=2&continuation={Uri.EscapeDataString(token)}");

        Assert.Equal([created[2], created[1]], await IdsAsync(first));
        Assert.Equal([created[0]], await IdsAsync(second));
        Assert.False(second.Headers.Contains("Continuation-Token"));
        Assert.Empty(await IdsAsync(await ListAsync(bot, "?status=resolved")));
    }

    [Theory]
    [InlineData("?continuation=not-a-token")]
    [InlineData("?continuation=MDA")]
    [InlineData("?limit=0")]
    [InlineData("?limit=501")]
    [InlineData("?limit=many")]
    public async Task ATokenThisListDidNotGive_OrALimitOutOfRange_IsA400(string query)
    {
        await using var bot = await BotHost.StartAsync([$"--Staff:ApiKey={Key}"]);

        var response = await ListAsync(bot, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<IReadOnlyList<string>> IdsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. list.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
    }
}
