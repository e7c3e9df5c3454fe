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

        await Chat.AskAsync(patient, "j'ai 40 de fièvre et des frissons depuis ma cimentoplastie");
        await Assertions.Expect(Chat.Said(patient, "Appelez immédiatement le 15 (SAMU) ou le 112")).ToBeVisibleAsync(Chat.Patiently);
        await patient.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "patient-emergency.png"), FullPage = true });

        var console = await SignInAsync(bot);
        var request = console.GetByRole(AriaRole.Button).Filter(new() { HasText = "Urgence" });
        await Assertions.Expect(request).ToBeVisibleAsync(Chat.Patiently);
        await request.ClickAsync();
        await Assertions.Expect(console.GetByText("j'ai 40 de fièvre", new() { Exact = false })).ToBeVisibleAsync();
        await console.GetByLabel("Réponse au patient").FillAsync("Ici l'infirmière de garde : je vous appelle dans deux minutes.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Envoyer la réponse" }).ClickAsync();
        await Assertions.Expect(console.GetByText("réponse envoyée", new() { Exact = false })).ToBeVisibleAsync(Chat.Patiently);
        await console.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "staff-console.png"), FullPage = true });

        // Web Chat polls every second: the care team's message arrives in the patient's chat.
        await Assertions.Expect(Chat.Said(patient, "je vous appelle dans deux minutes")).ToBeVisibleAsync(Chat.Patiently);
    }

    [Fact]
    public async Task ANurseErasesAConversation_AfterConfirming_AndItLeavesTheList()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière", conversation: "to-erase"));
        var console = await SignInAsync(bot);
        var request = console.GetByRole(AriaRole.Button).Filter(new() { HasText = "parler" });
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
        var request = console.GetByRole(AriaRole.Button).Filter(new() { HasText = "parler" });
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

        await Assertions.Expect(console.GetByRole(AriaRole.Button).Filter(new() { HasText = "parler" })).ToBeVisibleAsync(Chat.Patiently);
        Assert.Empty(identity.Challenges);
        Assert.DoesNotContain("code=", console.Url, StringComparison.Ordinal);
    }
}
