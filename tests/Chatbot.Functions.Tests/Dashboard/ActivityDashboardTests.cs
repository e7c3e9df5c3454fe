using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Chatbot.Core.Dashboard;
using Chatbot.Functions.Tests.Review;
using Chatbot.Functions.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace Chatbot.Functions.Tests.Dashboard;

/// <summary>
/// The staff's activity dashboard over HTTP: real turns (answers, a "which procedure?", a question our
/// documents do not answer, an emergency a nurse acknowledges) counted in the JSON and in the CSV, with
/// nothing a patient wrote in the stored rows or the download. On the SQLite file, in both hosts, and on Azurite.
/// </summary>
public class ActivityDashboardTests
{
    private const string Marker = "Mme Zoé Marqueur-Témoin";
    private const string Phone = "06 98 76 54 32";

    protected virtual Task<BotHost> StartAsync() => StaffReview.StartAsync(worker: false);

    /// <summary>Every stored row, as the store holds it.</summary>
    protected virtual async Task<string> StoredRowsAsync(BotHost bot)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(bot.DataFolder, "chatbot.db")};Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT at || ' ' || row FROM activity_row";
        var rows = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return string.Join("\n", rows);
    }

    private static HttpRequestMessage Staff(string path, string? key = StaffReview.Key) =>
        StaffReview.Staff(HttpMethod.Get, path, key);

    private static async Task PlayADayAsync(BotHost bot)
    {
        await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une ostéosynthèse ?", "dash-anne"));
        await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une cimentoplastie ?", "dash-anne"));
        await bot.ExpectRepliesAsync(Patient.Says("combien de temps dure l'intervention ?", "dash-bruno"));
        var emergency = (await bot.ExpectRepliesAsync(
            Patient.Says($"{Marker} au {Phone} : j'ai 40 de fièvre et le dos qui gonfle", "dash-carla")))[0];
        var id = emergency.Chatbot().GetProperty("escalation").GetProperty("id").GetString();
        var taken = await bot.Http.SendAsync(StaffReview.Staff(HttpMethod.Post, $"/api/escalations/{id}/acknowledge"));
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
    }

    [Fact]
    public async Task ADayOfTurns_IsCounted_ByDayAndByWeek()
    {
        await using var bot = await StartAsync();
        await PlayADayAsync(bot);

        foreach (var period in new[] { "day", "week" })
        {
            var response = await bot.Http.SendAsync(Staff($"/api/staff/activity?period={period}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            var today = report.GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("turns").GetInt32() > 0);
            Assert.Equal(period, report.GetProperty("period").GetString());
            Assert.Equal((3, 4, 1, 1, 1), (Figure(today, "conversations"), Figure(today, "turns"), Figure(today, "answers"),
                Figure(today, "clarifications"), Figure(today, "notInDocuments")));
            Assert.Equal(1, today.GetProperty("escalations").GetProperty("emergency").GetInt32());
            Assert.Equal(1, Figure(today, "acknowledged"));
            Assert.InRange(today.GetProperty("medianSecondsToAcknowledge").GetDouble(), 0, 60);
            Assert.Equal("fasting", report.GetProperty("unanswered")[0].GetProperty("topic").GetString());
        }
    }

    [Fact]
    public async Task TheCsv_IsADownload_OneLinePerDay_WithoutAWordOfThePatients()
    {
        await using var bot = await StartAsync();
        await PlayADayAsync(bot);

        var response = await bot.Http.SendAsync(Staff("/api/staff/activity/csv?period=day"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ActivityCsv.Header, lines[0]);
        Assert.Equal(1 + ActivityRange.DefaultDays, lines.Length);
        // period,start,end, then conversations, turns, answers, clarifications, not in documents, not understood,
        // escalations, of which one emergency.
        Assert.Single(lines, l => l.Split(",").Skip(3).Take(8).SequenceEqual(["3", "4", "1", "1", "1", "0", "1", "1"]));
        var stored = await StoredRowsAsync(bot);
        Assert.Equal(5, stored.Split('\n').Length);
        foreach (var text in new[] { lines.Aggregate((a, b) => a + b), stored })
        {
            Assert.DoesNotContain("Marqueur", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("98 76", text, StringComparison.Ordinal);
            Assert.DoesNotContain("dash-carla", text, StringComparison.Ordinal);
            Assert.DoesNotContain("fièvre", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("?period=month", "period")]
    [InlineData("?from=2026-12-09&to=2026-12-01", "after")]
    [InlineData("?from=2020-01-01&to=2026-01-01", "366")]
    [InlineData("?from=1900-01-01&to=1900-01-02", "2000")]
    [InlineData("?to=31/12/2026", "yyyy-MM-dd")]
    public async Task ARangeStaffCannotMean_IsA400WithTheReason(string query, string reason)
    {
        await using var bot = await StartAsync();

        foreach (var path in new[] { "/api/staff/activity", "/api/staff/activity/csv" })
        {
            var response = await bot.Http.SendAsync(Staff(path + query));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheFigures_AreForStaffOnly()
    {
        await using var bot = await StartAsync();

        var json = await bot.Http.SendAsync(Staff("/api/staff/activity", key: null));
        var csv = await bot.Http.SendAsync(Staff("/api/staff/activity/csv", key: "wrong-key"));
        var page = await bot.Http.GetAsync("/staff/activity");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (json.StatusCode, csv.StatusCode));
        Assert.Equal("no-store", json.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Activité de l'assistant", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int Figure(JsonElement bucket, string name) => bucket.GetProperty(name).GetInt32();
}

public sealed class ActivityDashboardTestsInTheWorker : ActivityDashboardTests
{
    protected override Task<BotHost> StartAsync() => StaffReview.StartAsync(worker: true);
}

public sealed class ActivityDashboardTestsOnAzureStorage(AzuriteFixture fixture) : ActivityDashboardTests, IClassFixture<AzuriteFixture>
{
    private readonly string prefix = AzuriteFixture.NewPrefix();

    protected override Task<BotHost> StartAsync() =>
        BotHost.StartAsync([.. fixture.Azurite.Settings(prefix), $"--Staff:ApiKey={StaffReview.Key}"]);

    protected override async Task<string> StoredRowsAsync(BotHost bot)
    {
        var table = new TableClient(fixture.Azurite.ConnectionString, prefix + "activity");
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
            rows.Add(string.Join(" ", entity.Select(p => $"{p.Key}={p.Value}")));
        return string.Join("\n", rows);
    }
}
