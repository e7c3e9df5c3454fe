using Chatbot.Functions.Tests;
using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>A nurse on the console with the keyboard only: sign in, select, reply, close — focus checked at every step.</summary>
public class NurseKeyboardTests(Browser browser) : IClassFixture<Browser>
{
    private const string Key = "keyboard-test-key";

    [Fact]
    public async Task ANurseWithTheKeyboardOnly_SignsIn_Selects_Replies_AndCloses_WithoutLosingFocus()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        var patient = await browser.OpenAsync(bot.Address);
        await Assertions.Expect(Chat.Said(patient, "Bonjour, je suis")).ToBeVisibleAsync(Chat.Patiently);
        await Chat.AnswerToAsync(patient, "je voudrais parler à une infirmière");
        var console = await browser.OpenAsync(new Uri(bot.Address, "/staff"));
        await Assertions.Expect(console.Locator("#signin")).ToBeVisibleAsync();
        await Assertions.Expect(console.Locator("#console")).ToBeHiddenAsync();
        await Assertions.Expect(console.Locator("#list-title")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(console, "console before sign-in");

        await Focused(console, "Tab", "#name");
        await console.Keyboard.TypeAsync("Élise Martin");
        await Focused(console, "Tab", "#key");
        await console.Keyboard.TypeAsync(Key);
        await console.Keyboard.PressAsync("Enter");
        await Assertions.Expect(console.Locator("#list-title")).ToBeFocusedAsync();
        await Assertions.Expect(console.Locator("#count")).ToHaveTextAsync("1 demande en cours.", new() { Timeout = 20_000 });
        Assert.Equal("false", await console.Locator("#pause").GetAttributeAsync("aria-pressed"));

        await Focused(console, "Tab", "#pause");
        await Focused(console, "Tab", "#list button");
        await console.WaitForTimeoutAsync(5_500); // a refresh: the request under focus stays focused
        await Assertions.Expect(console.Locator("#list button")).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("Enter");
        await Assertions.Expect(console.Locator("#detail-title")).ToBeFocusedAsync();
        await Assertions.Expect(console.Locator("#detail-title")).ToHaveTextAsync("Détail : Demande à parler à quelqu’un");
        await Assertions.Expect(console.Locator("#detail")).ToContainTextAsync("Assistant (a transmis à l’équipe");
        await Accessibility.AssertNoViolationsAsync(console, "console, request selected");

        // An empty reply is refused in French, and the message stays past the next refresh.
        await Focused(console, "Tab", "#reply");
        await Focused(console, "Tab", "button", "Prendre en charge");
        await Focused(console, "Tab", "button", "Envoyer la réponse");
        await console.Keyboard.PressAsync("Enter");
        await Assertions.Expect(console.GetByRole(AriaRole.Status)).ToHaveTextAsync("La réponse est vide ou trop longue (4 000 caractères au plus).");
        await console.WaitForTimeoutAsync(5_500);
        await Assertions.Expect(console.GetByRole(AriaRole.Status)).ToHaveTextAsync("La réponse est vide ou trop longue (4 000 caractères au plus).");
        await Assertions.Expect(console.GetByRole(AriaRole.Button, new() { Name = "Envoyer la réponse" })).ToBeFocusedAsync();

        await Focused(console, "Shift+Tab", "button", "Prendre en charge");
        await Focused(console, "Shift+Tab", "#reply");
        await console.Keyboard.TypeAsync("Bonjour, ici l'infirmière : je vous appelle dans cinq minutes.");
        await Focused(console, "Tab", "button", "Prendre en charge");
        await Focused(console, "Tab", "button", "Envoyer la réponse");
        await console.Keyboard.PressAsync("Enter");
        await Assertions.Expect(console.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réponse envoyée au patient.", new() { Timeout = 20_000 });
        await Assertions.Expect(console.GetByRole(AriaRole.Button, new() { Name = "Envoyer la réponse" })).ToBeFocusedAsync();
        await Assertions.Expect(console.Locator("#reply")).ToHaveValueAsync("");
        await Assertions.Expect(console.Locator("#detail")).ToContainTextAsync("Élise Martin (clé locale) — réponse envoyée");

        await Focused(console, "Tab", "button", "Clore la demande");
        await console.Keyboard.PressAsync("Enter");
        await Assertions.Expect(console.GetByRole(AriaRole.Status)).ToHaveTextAsync("Demande close.", new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#detail-title")).ToBeFocusedAsync();
        await Assertions.Expect(console.Locator("#count")).ToHaveTextAsync("Aucune demande en cours.", new() { Timeout = 20_000 });
        await Assertions.Expect(patient.Locator(".reply--care-team")).ToContainTextAsync("je vous appelle dans cinq minutes", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task PausedUpdates_ShowNoNewRequest_UntilTheNurseResumes()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        var console = await browser.OpenAsync(new Uri(bot.Address, "/staff"));
        await console.GetByLabel("Clé d'accès (local) ou jeton Entra ID").FillAsync(Key);
        await console.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(console.Locator("#count")).ToHaveTextAsync("Aucune demande en cours.", new() { Timeout = 20_000 });

        await console.Locator("#pause").ClickAsync();
        await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à quelqu'un", conversation: "paused"));
        await console.WaitForTimeoutAsync(6_000);
        await Assertions.Expect(console.Locator("#list button")).ToHaveCountAsync(0);
        Assert.Equal("true", await console.Locator("#pause").GetAttributeAsync("aria-pressed"));
        Assert.Equal("", await console.GetByRole(AriaRole.Status).TextContentAsync());

        await console.Locator("#pause").ClickAsync();
        await Assertions.Expect(console.Locator("#list button")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
    }

    [Theory]
    [InlineData(320, 568)]
    [InlineData(320, 256)] // a 1280 x 1024 screen at 400 % zoom
    public async Task TheConsole_ReflowsOnAPhoneAndAt400PercentZoom(int width, int height)
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière de mon ostéosynthèse", conversation: "reflow"));
        var console = await browser.OpenAsync(new Uri(bot.Address, "/staff"), width: width, height: height);
        await Accessibility.AssertReflowsAsync(console, $"console sign-in at {width}x{height}");
        await console.GetByLabel("Clé d'accès (local) ou jeton Entra ID").FillAsync(Key);
        await console.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await console.Locator("#list button").First.ClickAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#detail-title")).ToBeFocusedAsync();

        await Accessibility.AssertReflowsAsync(console, $"console with a request at {width}x{height}");
        await console.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, $"staff-console-{width}x{height}.png"), FullPage = true });
    }

    /// <summary>Presses <paramref name="key"/> once and checks where focus landed.</summary>
    private static async Task Focused(IPage page, string key, string selector, string? name = null)
    {
        await page.Keyboard.PressAsync(key);
        var target = name is null ? page.Locator(selector).First : page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
        await Assertions.Expect(target).ToBeFocusedAsync();
    }
}
