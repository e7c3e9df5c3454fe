using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Functions.Tests.Review;

/// <summary>An editor's side of the tests: the bot with a staff key, and "Questions à revoir" as the API gives it.</summary>
public static class StaffReview
{
    public const string Key = "local-staff-key";

    public static Task<BotHost> StartAsync(bool worker) => BotHost.StartIn(worker, $"--Staff:ApiKey={Key}");

    public static HttpRequestMessage Staff(HttpMethod method, string path, string? key = Key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    /// <summary>The board (200, never cached), with the handled questions too when <paramref name="query"/> asks.</summary>
    public static async Task<JsonElement> BoardAsync(BotHost bot, string query = "")
    {
        var response = await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/staff/review" + query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
