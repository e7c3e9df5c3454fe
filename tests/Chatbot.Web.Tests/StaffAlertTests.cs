using System.Text.Json;
using Chatbot.Functions.Tests;
using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>
/// A nurse with the console open in a tab she is not looking at: an emergency that arrives counts in the
/// title, is announced, notified (reason and age, never the patient's words) and chimes — once; and who
/// took a request is what every nurse sees.
/// </summary>
public class StaffAlertTests(Browser browser) : IClassFixture<Browser>
{
    private const string Key = "alert-test-key";
    private const string BaseTitle = "Console du service — demandes des patients";

    /// <summary>
    /// Before the page's scripts: every Notification the page creates is recorded (then really made), and
    /// every oscillator started is counted. The permission stays the browser's own.
    /// </summary>
    private const string Spies = """
        window.__notifications = [];
        window.__tones = 0;
        (() => {
          const Real = window.Notification;
          function Spy(title, options) {
            window.__notifications.push({ title, body: (options && options.body) || '' });
            try { return new Real(title, options); } catch (e) { return { close() {} }; }
          }
          Object.defineProperty(Spy, 'permission', { get: () => Real.permission });
          Spy.requestPermission = (callback) => Real.requestPermission(callback);
          window.Notification = Spy;
          const create = AudioContext.prototype.createOscillator;
          AudioContext.prototype.createOscillator = function () {
            const tone = create.call(this);
            const start = tone.start;
            tone.start = function (...at) { window.__tones++; return start.apply(this, at); };
            return tone;
          };
        })();
        """;

    private async Task<IPage> SignInAsync(BotHost bot, string name, string[]? permissions = null)
    {
        var console = await browser.OpenAsync(new Uri(bot.Address, "/staff"), permissions: permissions, initScript: Spies);
        await console.GetByLabel("Votre nom").FillAsync(name);
        await console.GetByLabel("Clé d'accès (local) ou jeton Entra ID").FillAsync(Key);
        await console.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        return console;
    }

    private static async Task<JsonElement[]> NotificationsAsync(IPage page) =>
        JsonSerializer.Deserialize<JsonElement[]>(await page.EvaluateAsync<string>("JSON.stringify(window.__notifications)"))!;

    [Fact]
    public async Task ACrisisArrivingWhileTheConsoleIsOpen_CountsInTheTitle_IsAnnounced_Notified_AndChimes_Once()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        await bot.ExpectRepliesAsync(Patient.Says("j'ai 40 de fièvre et des frissons depuis ma cimentoplastie", "already-there"));
        await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière", "a-request"));
        var console = await SignInAsync(bot, "Élise Martin", permissions: ["notifications"]);

        // Already there when the page opened: counted, never alerted.
        await Assertions.Expect(console.Locator("#count")).ToHaveTextAsync("2 demandes en cours, dont 1 urgence(s).", new() { Timeout = 20_000 });
        await Assertions.Expect(console).ToHaveTitleAsync("(1) Urgence · 2 demandes — " + BaseTitle);
        await Assertions.Expect(console.Locator("#list button").First).ToContainTextAsync("Urgence");
        await Assertions.Expect(console.Locator("#alert-notify")).ToBeHiddenAsync(); // granted already: nothing to ask
        Assert.Empty(await NotificationsAsync(console));
        Assert.Equal("", await console.Locator("#alert").TextContentAsync());
        Assert.Equal(0, await console.EvaluateAsync<int>("window.__tones"));

        var sound = console.GetByRole(AriaRole.Button, new() { Name = "Activer les alertes sonores" });
        await sound.ClickAsync();
        await Assertions.Expect(console.Locator("#alert-sound")).ToHaveAttributeAsync("aria-pressed", "true");
        var tonesOnEnabling = await console.EvaluateAsync<int>("window.__tones");
        Assert.True(tonesOnEnabling > 0, "enabling the sound plays it once, so the nurse knows what she will hear");
        await Accessibility.AssertNoViolationsAsync(console, "console, alerts enabled");

        await bot.ExpectRepliesAsync(Patient.Says("j'ai plus envie de vivre", "a-crisis"));

        await Assertions.Expect(console).ToHaveTitleAsync("(2) Urgences · 3 demandes — " + BaseTitle, new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#alert")).ToContainTextAsync("Nouvelle urgence");
        Assert.Equal("assertive", await console.Locator("#alert").GetAttributeAsync("aria-live"));
        var notification = Assert.Single(await NotificationsAsync(console));
        Assert.Equal("Nouvelle urgence", notification.GetProperty("title").GetString());
        Assert.Matches("^Urgence, il y a [0-9]+ min$", notification.GetProperty("body").GetString());
        Assert.Equal(2 * tonesOnEnabling, await console.EvaluateAsync<int>("window.__tones"));

        // The next refreshes see the same crisis: no second notification, no second chime.
        await console.WaitForTimeoutAsync(11_000);
        Assert.Single(await NotificationsAsync(console));
        Assert.Equal(2 * tonesOnEnabling, await console.EvaluateAsync<int>("window.__tones"));
        await console.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "staff-console-alerted.png"), FullPage = true });

        // The sound stays chosen for this browser; after a reload, what is there is not alerted again.
        await console.ReloadAsync();
        await Assertions.Expect(console.Locator("#alert-sound")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(console).ToHaveTitleAsync("(2) Urgences · 3 demandes — " + BaseTitle, new() { Timeout = 20_000 });
        await console.WaitForTimeoutAsync(5_500);
        Assert.Empty(await NotificationsAsync(console));
        Assert.Equal(0, await console.EvaluateAsync<int>("window.__tones"));
    }

    [Fact]
    public async Task WithoutPermission_TheNurseIsOfferedNotifications_AndTheTitleCountsPlainRequests()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        await bot.ExpectRepliesAsync(Patient.Says("je voudrais parler à une infirmière", "a-request"));
        var console = await SignInAsync(bot, "Élise Martin");

        await Assertions.Expect(console).ToHaveTitleAsync("(1) Demande — " + BaseTitle, new() { Timeout = 20_000 });
        await Assertions.Expect(console.GetByRole(AriaRole.Button, new() { Name = "Activer les notifications du navigateur" })).ToBeVisibleAsync();
        await Assertions.Expect(console.Locator("#alert-sound")).ToHaveAttributeAsync("aria-pressed", "false");

        await bot.ExpectRepliesAsync(Patient.Says("j'ai 40 de fièvre et des frissons depuis ma cimentoplastie", "fever"));

        await Assertions.Expect(console).ToHaveTitleAsync("(1) Urgence · 2 demandes — " + BaseTitle, new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#alert")).ToContainTextAsync("Nouvelle urgence");
        Assert.Empty(await NotificationsAsync(console)); // not permitted: none made
        Assert.Equal(0, await console.EvaluateAsync<int>("window.__tones")); // not switched on: silent
    }

    [Fact]
    public async Task WhoTookARequest_IsShownToEveryNurse_InTheListAndTheDetail()
    {
        await using var bot = await BotHost.StartAsync($"--Staff:ApiKey={Key}");
        await bot.ExpectRepliesAsync(Patient.Says("j'ai 40 de fièvre et des frissons depuis ma cimentoplastie", "fever"));
        var elise = await SignInAsync(bot, "Élise Martin");
        var marc = await SignInAsync(bot, "Marc Petit");
        var onMarcsList = marc.Locator("#list button").First;
        await Assertions.Expect(onMarcsList).ToContainTextAsync("nouvelle", new() { Timeout = 20_000 });
        await onMarcsList.ClickAsync();
        await Assertions.Expect(marc.Locator("#detail .taken")).ToHaveTextAsync("Personne n’a encore pris en charge cette demande.");

        await elise.Locator("#list button").First.ClickAsync(new() { Timeout = 20_000 });
        await elise.GetByRole(AriaRole.Button, new() { Name = "Prendre en charge" }).ClickAsync();
        await Assertions.Expect(elise.Locator("#detail .taken")).ToContainTextAsync("Prise en charge par Élise Martin (clé locale) le ");

        // Marc's console refreshes by itself: the list and the open detail both say who and when.
        await Assertions.Expect(onMarcsList).ToContainTextAsync(
            new System.Text.RegularExpressions.Regex("prise en charge par Élise Martin \\(clé locale\\) à [0-9]{2}:[0-9]{2}"),
            new() { Timeout = 20_000 });
        await Assertions.Expect(marc.Locator("#detail .taken")).ToContainTextAsync("Prise en charge par Élise Martin (clé locale) le ");
        await Accessibility.AssertNoViolationsAsync(marc, "console, a request another nurse took");
        await marc.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "staff-console-taken.png"), FullPage = true });
    }
}
