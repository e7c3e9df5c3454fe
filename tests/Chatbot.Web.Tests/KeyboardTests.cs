using Chatbot.Functions.Tests;
using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>The patient's journey with the keyboard only, on a phone-sized page at 400 % zoom, focus checked at every step.</summary>
public class KeyboardTests(Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData(320, 568)]
    [InlineData(320, 256)] // a 1280 x 1024 screen at 400 % zoom
    public async Task APatientWithTheKeyboardOnly_Asks_PicksAProcedure_AndOpensAReference(int width, int height)
    {
        await using var bot = await BotHost.StartAsync();
        var page = await browser.OpenAsync(bot.Address, width: width, height: height);
        await Assertions.Expect(page.Locator(".reply").First).ToBeVisibleAsync(Chat.Patiently);
        await Accessibility.AssertReflowsAsync(page, $"welcome at {width}x{height}");

        await TabUntilAsync(page, "the send box", "el => el.matches('input, textarea') && !!el.closest('.webchat__send-box')");
        await page.Keyboard.TypeAsync("je pourrai remarcher quand après ?");
        await page.Keyboard.PressAsync("Enter");
        var choice = page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = "Cimentoplastie pour métastases osseuses" });
        await Assertions.Expect(choice).ToBeVisibleAsync(Chat.Patiently);
        await Accessibility.AssertReflowsAsync(page, $"procedure choices at {width}x{height}");
        await Accessibility.AssertNoViolationsAsync(page, $"procedure choices at {width}x{height}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, $"patient-choices-{width}x{height}.png"), FullPage = true });

        await TabUntilAsync(page, "a procedure choice", "el => el.closest('.webchat__suggested-actions') !== null", backwards: true);
        await TabUntilAsync(page, "the metastases choice", "el => el.textContent.includes('Cimentoplastie pour métastases osseuses')", key: "ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Chat.Said(page, "La reprise de la marche peut s’effectuer 2h après le geste")).ToBeVisibleAsync(Chat.Patiently);

        await TabUntilAsync(page, "the chat history", "el => el.classList.contains('webchat__basic-transcript')", backwards: true);
        // Web Chat's history is one tab stop; arrow keys choose a message (aria-activedescendant), Enter goes into it.
        await TabUntilAsync(page, "the answer", "el => { const id = el.getAttribute('aria-activedescendant'); " +
            "const active = id && document.getElementById(id); return !!active && active.textContent.includes('La reprise de la marche'); }", key: "ArrowUp");
        await page.Keyboard.PressAsync("Enter");
        await TabUntilAsync(page, "the reference [1]", "el => el.matches(\"button[value='cite:1']\")");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("dialog.webchat__citation-modal-dialog")).ToBeVisibleAsync();
        await Accessibility.AssertReflowsAsync(page, $"reference opened at {width}x{height}");
        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.matches(\"button[value='cite:1']\")"), "focus back on [1]");
    }

    /// <summary>Presses Tab (or <paramref name="key"/>) until the focused element matches, at most 30 times.</summary>
    private static async Task TabUntilAsync(IPage page, string what, string predicate, bool backwards = false, string key = "Tab")
    {
        var press = key == "Tab" && backwards ? "Shift+Tab" : key;
        for (var i = 0; i < 30; i++)
        {
            if (await page.EvaluateAsync<bool>($"(() => {{ const el = document.activeElement; return !!el && ({predicate})(el); }})()")) return;
            await page.Keyboard.PressAsync(press);
        }
        var focused = await page.EvaluateAsync<string>("document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
        Assert.Fail($"{what} never got the focus with {press}; focus is on {focused}");
    }
}
