using Chatbot.Functions.Tests;
using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>A patient on the page and a nurse on the console, side by side, in Chromium.</summary>
public class StaffConsoleTests(Browser browser) : IClassFixture<Browser>
{
    private const string Key = "console-test-key";

    private async Task<IPage> SignInAsync(BotHost bot)
    {
        var console = await browser.OpenAsync(new Uri(bot.Address, "/staff"));
        await console.GetByLabel("Clé d'accès (local) ou jeton Entra ID").FillAsync(Key);
        await console.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        return console;
    }

    [Fact]
    public async Task Emergency_GetsTheNumbers_AndAppearsInTheConsole_WhereAReplyReachesThePatient()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        var patient = await browser.OpenAsync(bot.Address);
        await Assertions.Expect(Chat.Said(patient, "Bonjour, je suis")).ToBeVisibleAsync(Chat.Patiently);
        var console = await SignInAsync(bot);
        await Assertions.Expect(console.Locator("#count")).ToHaveTextAsync("Aucune demande en cours.", new() { Timeout = 20_000 });

        var emergency = await Chat.AnswerToAsync(patient, "j'ai 40 de fièvre et des frissons depuis ma cimentoplastie");
        await Assertions.Expect(emergency).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reply--emergency"));
        await Assertions.Expect(emergency.Locator(".reply__flag")).ToHaveTextAsync("⚠ Urgence");
        await Assertions.Expect(emergency.Locator("a[href='tel:15']")).ToBeVisibleAsync();
        await Assertions.Expect(emergency.Locator("a[href='tel:112']")).ToBeVisibleAsync();
        await Assertions.Expect(patient.Locator(".notice a[href='tel:15']")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(patient, "patient, emergency reply");
        await patient.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "patient-emergency.png"), FullPage = true });

        // The console announces the new emergency as an alert, first in the list.
        await Assertions.Expect(console.Locator("#alert")).ToContainTextAsync("Nouvelle urgence", new() { Timeout = 20_000 });
        var request = console.Locator("#list button").First;
        await Assertions.Expect(request).ToContainTextAsync("Urgence");
        await request.ClickAsync();
        await Assertions.Expect(console.Locator("#detail-title")).ToBeFocusedAsync();
        await Assertions.Expect(console.Locator("#detail")).ToContainTextAsync("j'ai 40 de fièvre");
        await Assertions.Expect(console.Locator("#detail")).Not.ToContainTextAsync("[escalate/");
        await console.GetByLabel("Réponse au patient").FillAsync("Ici l'infirmière de garde : je vous appelle dans deux minutes.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Envoyer la réponse" }).ClickAsync();
        await Assertions.Expect(console.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réponse envoyée au patient.", new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#detail")).ToContainTextAsync("réponse envoyée");
        await Accessibility.AssertNoViolationsAsync(console, "console, request selected and answered");
        await console.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "staff-console.png"), FullPage = true });

        // Web Chat polls every second: the care team's message arrives, shown as the care team's, as typed.
        var careTeam = patient.Locator(".reply--care-team");
        await Assertions.Expect(careTeam).ToContainTextAsync("je vous appelle dans deux minutes", new() { Timeout = 20_000 });
        await Assertions.Expect(careTeam.Locator(".care-team__from")).ToContainTextAsync("Équipe soignante");
        await Accessibility.AssertNoViolationsAsync(patient, "patient, care team's reply");
        await patient.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "patient-care-team.png"), FullPage = true });
    }

    [Fact]
    public async Task ANurseErasesAConversation_AfterConfirming_AndItLeavesTheList()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière", conversation: "to-erase"));
        var console = await SignInAsync(bot);
        var request = console.Locator("#list button").Filter(new() { HasText = "parler" });
        await Assertions.Expect(request).ToBeVisibleAsync(Chat.Patiently);
        await request.ClickAsync();
        console.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await console.GetByRole(AriaRole.Button, new() { Name = "Effacer les données de cette conversation (RGPD)" }).ClickAsync();

        await Assertions.Expect(console.GetByText("Conversation effacée : 1 demande(s) supprimée(s).")).ToBeVisibleAsync(Chat.Patiently);
        await Assertions.Expect(request).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        var stored = await bot.Services.GetRequiredService<Chatbot.Functions.State.IConversationStore>().LoadAsync("emulator:to-erase", CancellationToken.None);
        Assert.Null(stored.Version);
    }

    [Fact]
    public async Task HtmlFromAPatient_NeverRunsInEitherPage()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        var patient = await browser.OpenAsync(bot.Address);
        await Assertions.Expect(Chat.Said(patient, "Bonjour, je suis")).ToBeVisibleAsync(Chat.Patiently);

        const string attack = "<img src=x onerror=\"window.__pwned=1\"> je veux parler à une infirmière <script>window.__pwned=2</script>";
        await Chat.AskAsync(patient, attack);
        await Assertions.Expect(Chat.Said(patient, "Je transmets votre demande")).ToBeVisibleAsync(Chat.Patiently);

        var console = await SignInAsync(bot);
        var request = console.Locator("#list button").Filter(new() { HasText = "parler" });
        await Assertions.Expect(request).ToBeVisibleAsync(Chat.Patiently);
        await request.ClickAsync();
        await Assertions.Expect(console.GetByText("<img src=x onerror=", new() { Exact = false })).ToBeVisibleAsync(Chat.Patiently);

        Assert.Null(await patient.EvaluateAsync<int?>("window.__pwned ?? null"));
        Assert.Null(await console.EvaluateAsync<int?>("window.__pwned ?? null"));
        Assert.Equal(0, await console.Locator("#detail img").CountAsync());
    }

    [Fact]
    public async Task EntraSignIn_WithCodeAndPkce_OpensTheConsole()
    {
        await using var identity = await Chatbot.Functions.Tests.Auth.TokenIssuer.StartAsync();
        await using var bot = await BotHost.StartAsync(
            $"--Staff:Entra:Authority={identity.Base}", "--Staff:Entra:Audience=staff-api", "--Staff:Entra:ClientId=staff-console",
            $"--Staff:Entra:MetadataUrl={identity.MetadataUrl}");
        await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière"));
        var console = await browser.OpenAsync(new Uri(bot.Address, "/staff"));

        await console.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec Microsoft Entra ID" }).ClickAsync();

        await Assertions.Expect(console.Locator("#list button").Filter(new() { HasText = "parler" })).ToBeVisibleAsync(Chat.Patiently);
        Assert.Empty(identity.Challenges);
        Assert.DoesNotContain("code=", console.Url, StringComparison.Ordinal);
    }
}
