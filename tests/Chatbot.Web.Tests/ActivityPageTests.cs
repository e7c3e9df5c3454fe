using System.Net;
using Chatbot.Core.Dashboard;
using Chatbot.Functions.Tests;
using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>
/// A nurse on the activity dashboard, in Chromium: a day's turns drawn as bar charts (with their figures said in
/// words and listed in a table), by day and by week, the CSV downloaded, axe, a screenshot, and 320 px.
/// </summary>
public class ActivityPageTests(Browser browser) : IClassFixture<Browser>
{
    private const string Key = "activity-test-key";

    private static async Task PlayADayAsync(BotHost bot)
    {
        await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une ostéosynthèse ?", "anne"));
        await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une cimentoplastie ?", "anne"));
        await bot.ExpectRepliesAsync(Patient.Says("combien de temps dure l'intervention ?", "bruno"));
        var emergency = (await bot.ExpectRepliesAsync(
            Patient.Says("Mme Zoé Marqueur-Témoin 06 98 76 54 32 : j'ai 40 de fièvre et le dos qui gonfle", "carla")))[0];
        var id = emergency.Chatbot().GetProperty("escalation").GetProperty("id").GetString();
        using var acknowledge = new HttpRequestMessage(HttpMethod.Post, $"/api/escalations/{id}/acknowledge");
        acknowledge.Headers.Add("X-Api-Key", Key);
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.SendAsync(acknowledge)).StatusCode);
    }

    private static async Task<IPage> SignedInAsync(IPage page)
    {
        await page.GetByLabel("Clé d'accès (local) ou jeton Entra ID").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        return page;
    }

    /// <summary>The figures a chart draws, bar by bar ("" for no figure: a wait when nobody waited).</summary>
    private static Task<string[]> BarsAsync(IPage page, string chart) =>
        page.Locator($"#{chart} rect").EvaluateAllAsync<string[]>("bars => bars.map(b => b.getAttribute('data-value'))");

    [Fact]
    public async Task ANurse_SeesTheDaysFigures_AsChartsInWordsAndATable_ByDayAndWeek_AndDownloadsThemAsCsv()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        await PlayADayAsync(bot);
        var page = await SignedInAsync(await browser.OpenAsync(new Uri(bot.Address, "/staff/activity")));

        await Assertions.Expect(page.Locator("#chart-conversations rect[data-value='3']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        Assert.Equal(ActivityRange.DefaultDays, (await BarsAsync(page, "chart-conversations")).Length);
        foreach (var chart in new[] { "chart-answers", "chart-clarifications", "chart-not-in-documents", "chart-escalations" })
            Assert.Equal(["1"], (await BarsAsync(page, chart)).Where(v => v is not ("0" or "")));
        Assert.Single(await BarsAsync(page, "chart-median"), v => v.Length > 0);  // a wait, even of 0 s
        // The hospital's day (Paris), as the page writes it.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))
            .ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#chart-conversations-said")).ToContainTextAsync($"{today} : 3");
        await Assertions.Expect(page.Locator("#figures tr").Filter(new() { HasText = "urgence : 1" }).Locator("td").First).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#topics li")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(" : 1 fois$"));
        await Assertions.Expect(page.GetByText("Marqueur", new() { Exact = false })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page, "activity dashboard, by day");
        var screenshot = Path.Combine(Browser.Screenshots, "staff-activity.png");
        File.Delete(screenshot);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot was not written");

        await page.GetByRole(AriaRole.Button, new() { Name = "Par semaine (8 dernières semaines)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Chiffres par semaine affichés.", new() { Timeout = 20_000 });
        Assert.Equal(ActivityRange.DefaultWeeks, (await BarsAsync(page, "chart-conversations")).Length);
        Assert.Equal(["3"], (await BarsAsync(page, "chart-conversations")).Where(v => v is not ("0" or "")));
        await Accessibility.AssertNoViolationsAsync(page, "activity dashboard, by week");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Télécharger les chiffres (CSV)" }).ClickAsync());
        Assert.StartsWith("activite-week-", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith(ActivityCsv.Header + "\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(1 + ActivityRange.DefaultWeeks, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("Marqueur", csv, StringComparison.Ordinal);

        var narrow = await SignedInAsync(await browser.OpenAsync(new Uri(bot.Address, "/staff/activity"), width: 320, height: 640));
        await Assertions.Expect(narrow.Locator("#chart-conversations rect[data-value='3']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Accessibility.AssertReflowsAsync(narrow, "activity dashboard at 320 px");
        await Accessibility.AssertNoViolationsAsync(narrow, "activity dashboard at 320 px");
    }
}
