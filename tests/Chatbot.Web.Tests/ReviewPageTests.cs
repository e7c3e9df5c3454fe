using Chatbot.Functions.Tests;
using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>An editor on "Questions à revoir", in Chromium: the failed questions by topic, masked, handled by name.</summary>
public class ReviewPageTests(Browser browser) : IClassFixture<Browser>
{
    private const string Key = "review-test-key";

    [Fact]
    public async Task AnEditor_SeesTheFailedQuestionsByTopic_Masked_AndMarksOneHandled()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        await bot.ExpectRepliesAsync(Patient.Says("vertebroplastie: jacuzzi", "conv-1"));
        await bot.ExpectRepliesAsync(Patient.Says("vertebroplastie: trampoline", "conv-2"));
        await bot.ExpectRepliesAsync(Patient.Says("faut-il être à jeun pour une cimentoplastie ?", "conv-3"));
        await bot.ExpectRepliesAsync(Patient.Says("<img src=x onerror=\"window.__pwned=1\"> blorp zorg Mme Dupont 06 12 34 56 78", "conv-4"));
        var page = await browser.OpenAsync(new Uri(bot.Address, "/staff/review"));
        await page.GetByLabel("Votre nom (il apparaît sur les questions traitées)").FillAsync("Claire Éditrice");
        await page.GetByLabel("Clé d'accès (local) ou jeton Entra ID").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync("4 question(s) en attente.", new() { Timeout = 20_000 });
        var twice = page.Locator(".review-group").Filter(new() { HasText = ": 2 question(s)" });
        await Assertions.Expect(twice.Locator("h3")).ToHaveTextAsync(
            "Qu'est-ce que c'est ? — Cimentoplastie vertébrale (vertébroplastie) : 2 question(s)");
        await Assertions.Expect(twice.Locator(".line").First).ToHaveTextAsync("vertebroplastie: trampoline");
        await Assertions.Expect(page.GetByText("absente de nos documents", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("[nom] [téléphone]", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Dupont", new() { Exact = false })).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<int?>("window.__pwned ?? null"));
        Assert.Equal(0, await page.Locator("#groups img").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page, "review page, four questions waiting");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "staff-review.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Marquer comme traitée : vertebroplastie: jacuzzi" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Question marquée comme traitée.", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync("3 question(s) en attente.");
        await Assertions.Expect(page.Locator("#list-title")).ToBeFocusedAsync();
        await page.GetByLabel("Afficher aussi les questions traitées").CheckAsync();
        await Assertions.Expect(page.GetByText("Traitée par Claire Éditrice (clé locale)", new() { Exact = false })).ToBeVisibleAsync(Chat.Patiently);
        await Accessibility.AssertNoViolationsAsync(page, "review page, with the handled question");
        await Accessibility.AssertReflowsAsync(await ReflowedAsync(bot), "review page at 320 px");
    }

    [Fact]
    public async Task APatientsThumbDown_UnderAnAnswer_ReachesTheReviewPage_WithItsSnippets()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        var patient = await browser.OpenAsync(bot.Address);
        await Assertions.Expect(Chat.Said(patient, "Bonjour, je suis")).ToBeVisibleAsync(Chat.Patiently);
        await Chat.AnswerToAsync(patient, "faut-il être à jeun pour une ostéosynthèse ?");
        var thumbs = patient.Locator(".webchat__thumb-button");
        await Assertions.Expect(thumbs).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Accessibility.AssertNoViolationsAsync(patient, "patient, an answer with its thumbs");

        await thumbs.Last.ClickAsync();

        await Assertions.Expect(thumbs.Last).ToHaveAttributeAsync("aria-pressed", "true");
        await patient.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "patient-thumb-down.png"), FullPage = true });
        var page = await browser.OpenAsync(new Uri(bot.Address, "/staff/review"));
        await page.GetByLabel("Clé d'accès (local) ou jeton Entra ID").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        // Web Chat posts the rating a moment after the click: the editor refreshes the list until it shows.
        var rated = page.GetByText("réponse jugée inutile par le patient", new() { Exact = false });
        for (var tries = 0; tries < 40 && !await rated.IsVisibleAsync(); tries++)
        {
            await Task.Delay(500);
            await page.GetByRole(AriaRole.Button, new() { Name = "Actualiser" }).ClickAsync();
        }
        await Assertions.Expect(rated).ToBeVisibleAsync(Chat.Patiently);
        await Assertions.Expect(page.Locator(".line").First).ToHaveTextAsync("faut-il être à jeun pour une ostéosynthèse ?");
        var rows = page.Locator("#feedback tr");
        await Assertions.Expect(rows.Nth(1).Locator("td").Last).ToHaveTextAsync("1");
        await Accessibility.AssertNoViolationsAsync(page, "review page with a patient's rating");
    }

    private async Task<IPage> ReflowedAsync(BotHost bot)
    {
        var narrow = await browser.OpenAsync(new Uri(bot.Address, "/staff/review"), width: 320, height: 640);
        await narrow.GetByLabel("Clé d'accès (local) ou jeton Entra ID").FillAsync(Key);
        await narrow.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(narrow.Locator(".review-entry").First).ToBeVisibleAsync(Chat.Patiently);
        return narrow;
    }
}
