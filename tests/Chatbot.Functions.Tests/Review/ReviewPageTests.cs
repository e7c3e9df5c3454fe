using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Functions.Tests.Review;

/// <summary>
/// The editors' review loop over HTTP: patients' failed questions reach "Questions à revoir" masked,
/// grouped by topic and procedure; an emergency or a plain answer does not; erasure takes them too.
/// </summary>
public class ReviewPageTests
{
    /// <summary>False: the plain server; <see cref="ReviewPageTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    private Task<BotHost> StartAsync() => StaffReview.StartAsync(InTheWorker);

    private static HttpRequestMessage Staff(HttpMethod method, string path, string? key = StaffReview.Key) =>
        StaffReview.Staff(method, path, key);

    private static Task<JsonElement> BoardAsync(BotHost bot, string query = "") => StaffReview.BoardAsync(bot, query);

    [Fact]
    public async Task FailedQuestions_AreKeptMasked_GroupedByTopicAndProcedure_AndNothingElseIs()
    {
        await using var bot = await StartAsync();

        await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une cimentoplastie ?", "conv-fasting"));
        await bot.ExpectRepliesAsync(Patient.Says("blorp zorg wizz Mme Dupont 06 12 34 56 78", "conv-noise"));
        await bot.ExpectRepliesAsync(Patient.Says("vertebroplastie: jacuzzi", "conv-recovery"));
        await bot.ExpectRepliesAsync(Patient.Says("vertebroplastie: trampoline", "conv-recovery-2"));
        await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une ostéosynthèse ?", "conv-answered"));
        await bot.ExpectRepliesAsync(Patient.Says("j'ai 40 de fièvre et le dos qui gonfle", "conv-emergency"));
        var board = await BoardAsync(bot);

        // The questions as read, not the raw JSON: the answer escapes accents (\u00E9).
        var text = string.Join("\n", board.GetProperty("groups").EnumerateArray()
                .SelectMany(g => g.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("question").GetString()));
        Assert.Equal(4, board.GetProperty("waiting").GetInt32());
        Assert.DoesNotContain("Dupont", text, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12 34 56 78", text, StringComparison.Ordinal);
        Assert.Contains("[téléphone]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fièvre", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ostéosynthèse ?", text, StringComparison.Ordinal);
        var entries = board.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("entries").EnumerateArray()).ToList();
        Assert.Equal(
            ["faut-il être à jeun pour une cimentoplastie ? not_in_documents", "vertebroplastie: jacuzzi low_confidence",
             "vertebroplastie: trampoline low_confidence"],
            entries.Where(e => !e.GetProperty("question").GetString()!.StartsWith("blorp", StringComparison.Ordinal))
                .Select(e => $"{e.GetProperty("question").GetString()} {e.GetProperty("reason").GetString()}").Order());
        var lowConfidence = board.GetProperty("groups").EnumerateArray()
            .Single(g => g.GetProperty("entries")[0].GetProperty("reason").GetString() == "low_confidence"
                && g.GetProperty("count").GetInt32() == 2);
        Assert.Equal("vertebral_cementoplasty", lowConfidence.GetProperty("procedure").GetString());
        Assert.Equal("vertebroplastie: trampoline", lowConfidence.GetProperty("entries")[0].GetProperty("question").GetString());
        Assert.NotEmpty(lowConfidence.GetProperty("entries")[0].GetProperty("snippetIds").EnumerateArray());
    }

    [Fact]
    public async Task MarkingAQuestionHandled_NamesTheEditor_AndTakesItOffTheWaitingList()
    {
        await using var bot = await StartAsync();
        await bot.ExpectRepliesAsync(Patient.Says("vertebroplastie: jacuzzi"));
        var id = (await BoardAsync(bot)).GetProperty("groups")[0].GetProperty("entries")[0].GetProperty("id").GetString();

        var handled = Staff(HttpMethod.Post, $"/api/staff/review/{id}/handled");
        handled.Headers.Add("X-Staff-Name", Uri.EscapeDataString("Claire Éditrice"));
        var response = await bot.Http.SendAsync(handled);
        var unknown = await bot.Http.SendAsync(Staff(HttpMethod.Post, "/api/staff/review/rv-unknown/handled"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Claire Éditrice", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handledBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await BoardAsync(bot)).GetProperty("waiting").GetInt32());
        Assert.Empty((await BoardAsync(bot)).GetProperty("groups").EnumerateArray());
        Assert.Single((await BoardAsync(bot, "?handled=true")).GetProperty("groups").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    public async Task ThePage_IsForStaffOnly(string? key, HttpStatusCode expected)
    {
        await using var bot = await StartAsync();

        var list = await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/staff/review", key));
        var handled = await bot.Http.SendAsync(Staff(HttpMethod.Post, "/api/staff/review/rv-1/handled", key));

        Assert.Equal((expected, expected), (list.StatusCode, handled.StatusCode));
        Assert.Equal("no-store", list.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=abc")]
    [InlineData("?limit=999999")]
    public async Task ABadLimit_IsA400WithTheReason(string query)
    {
        await using var bot = await StartAsync();

        var response = await bot.Http.SendAsync(Staff(HttpMethod.Get, "/api/staff/review" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErasingTheConversation_ErasesItsQuestionsToReview()
    {
        await using var bot = await StartAsync();
        await bot.ExpectRepliesAsync(Patient.Says("vertebroplastie: jacuzzi", "conv-forget"));
        await bot.ExpectRepliesAsync(Patient.Says("vertebroplastie: trampoline", "conv-keep"));

        var erased = await bot.Http.SendAsync(Staff(HttpMethod.Delete, $"/api/conversations/{Uri.EscapeDataString("emulator:conv-forget")}"));

        var report = await erased.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (report.GetProperty("conversations").GetInt32(), report.GetProperty("reviews").GetInt32()));
        var left = (await BoardAsync(bot, "?handled=true")).GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("question").GetString());
        Assert.Equal(["vertebroplastie: trampoline"], left);
    }
}

/// <summary>The same tests on the isolated worker, reached as the Functions host routes requests.</summary>
public sealed class ReviewPageTestsInTheWorker : ReviewPageTests
{
    protected override bool InTheWorker => true;
}
