using Chatbot.Functions.Tests;
using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>The hospital page as a patient uses it: Web Chat on the local Direct Line, in Chromium.</summary>
public class PatientPageTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task FastingQuestionAboutOsteosynthesis_IsAnsweredWithARenderedCitation()
    {
        await using var bot = await BotHost.StartAsync();
        var page = await browser.OpenAsync(bot.Address);

        await Assertions.Expect(Chat.Said(page, "Bonjour, je suis")).ToBeVisibleAsync(Chat.Patiently);
        await Chat.AskAsync(page, "faut il être à jeun pour mon ostéosynthèse du bassin ?");

        await Assertions.Expect(Chat.Said(page, "Il est important d’être à jeun")).ToBeVisibleAsync(Chat.Patiently);
        // Web Chat lists the reference under the answer, from the claim and the Markdown definition.
        await Assertions.Expect(page.GetByText("Ostéosynthèse percutanée mini-invasive — CHBA de Vannes").First).ToBeVisibleAsync(Chat.Patiently);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "patient-fasting-answer.png"), FullPage = true });
    }

    [Fact]
    public async Task UnknownProcedure_OffersButtons_AndAClickAnswers()
    {
        await using var bot = await BotHost.StartAsync();
        var page = await browser.OpenAsync(bot.Address, phone: true);
        await Assertions.Expect(Chat.Said(page, "Bonjour, je suis")).ToBeVisibleAsync(Chat.Patiently);

        await Chat.AskAsync(page, "je pourrai remarcher quand après ?");
        var button = page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = "Cimentoplastie pour métastases osseuses" });
        await Assertions.Expect(button).ToBeVisibleAsync(Chat.Patiently);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "patient-clarify-phone.png"), FullPage = true });
        await button.ClickAsync();

        await Assertions.Expect(Chat.Said(page, "La reprise de la marche peut s’effectuer 2h après le geste")).ToBeVisibleAsync(Chat.Patiently);
    }

    [Fact]
    public async Task NotKnowingWhichProcedure_IsAButton_AndTheTeamIsOffered()
    {
        await using var bot = await BotHost.StartAsync();
        var page = await browser.OpenAsync(bot.Address, phone: true);
        await Assertions.Expect(Chat.Said(page, "Bonjour, je suis")).ToBeVisibleAsync(Chat.Patiently);

        await Chat.AskAsync(page, "je pourrai remarcher quand après ?");
        var unsure = page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = "Je ne sais pas" });
        await Assertions.Expect(unsure).ToBeVisibleAsync(Chat.Patiently);
        await unsure.ClickAsync();

        await Assertions.Expect(Chat.Said(page, "membre de l’équipe vous réponde"))
            .ToBeVisibleAsync(Chat.Patiently);
    }

    [Fact]
    public async Task CementoplasticaAlone_SaysWhatTheItalianDocumentCovers_AndAButtonAsksForTheSpine()
    {
        await using var bot = await BotHost.StartAsync();
        var page = await browser.OpenAsync(bot.Address, locale: "it-IT", phone: true);
        await Assertions.Expect(Chat.Said(page, "Buongiorno, sono l’assistente")).ToBeVisibleAsync(Chat.Patiently);

        await Chat.AskAsync(page, "Mia madre fa la cementoplastica, quando potrà camminare?");
        await Assertions.Expect(Chat.Said(page, "riguarda le ossa fuori dalla colonna vertebrale"))
            .ToBeVisibleAsync(Chat.Patiently);
        var spine = page.GetByRole(AriaRole.Toolbar)
            .GetByRole(AriaRole.Button, new() { Name = "Cementoplastica vertebrale (vertebroplastica)" });
        var shot = Path.Combine(Browser.Screenshots, "patient-assumed-procedure.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        await spine.ClickAsync();

        await Assertions.Expect(Chat.Said(page, "Il est nécessaire de rester immobile un certain temps"))
            .ToBeVisibleAsync(Chat.Patiently);
    }

    [Fact]
    public async Task ItalianBrowser_GetsTheItalianPageAndWelcome()
    {
        await using var bot = await BotHost.StartAsync();
        var page = await browser.OpenAsync(bot.Address, locale: "it-IT");

        await Assertions.Expect(Chat.Said(page, "Buongiorno, sono l’assistente")).ToBeVisibleAsync(Chat.Patiently);
        await Assertions.Expect(page.GetByText("Emergenza: chiami il 112 o il 118.")).ToBeVisibleAsync();
        Assert.Equal("it", await page.EvaluateAsync<string>("document.documentElement.lang"));
    }

    [Fact]
    public async Task AnExpiredToken_IsNoticed_AndTheChatReconnects_InsteadOfDyingSilently()
    {
        await using var bot = await BotHost.StartAsync("--DirectLine:TokenLifetime=00:00:04");
        var page = await browser.OpenAsync(bot.Address);
        await Assertions.Expect(Chat.Said(page, "Bonjour, je suis")).ToBeVisibleAsync(Chat.Patiently);

        // The token dies under the page; its next poll is refused, and the page starts again by itself.
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("une nouvelle conversation commence", new() { Timeout = 30_000 });
        await Chat.AskAsync(page, "faut il être à jeun pour mon ostéosynthèse du bassin ?");

        await Assertions.Expect(Chat.Said(page, "Il est important d’être à jeun")).ToBeVisibleAsync(Chat.Patiently);
    }

    [Fact]
    public async Task LosingTheInternet_IsSaid_WithTheEmergencyNumbers_AndItsReturnToo()
    {
        await using var bot = await BotHost.StartAsync();
        var page = await browser.OpenAsync(bot.Address);
        await Assertions.Expect(Chat.Said(page, "Bonjour, je suis")).ToBeVisibleAsync(Chat.Patiently);

        await page.Context.SetOfflineAsync(true);
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Pas de connexion internet");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("15 ou le 112");
        await page.Context.SetOfflineAsync(false);

        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Connexion rétablie");
        await Chat.AskAsync(page, "faut il être à jeun pour mon ostéosynthèse du bassin ?");
        await Assertions.Expect(Chat.Said(page, "Il est important d’être à jeun")).ToBeVisibleAsync(Chat.Patiently);
    }
}
