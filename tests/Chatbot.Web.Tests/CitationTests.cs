using Chatbot.Functions.Tests;
using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>
/// Opening a reference, of every kind, in each language, never breaks the chat: a quote from a document
/// without a link opens in Web Chat's dialog (read in the quote's language), one with a link opens the
/// document; then the patient keeps chatting, and a reload finds the same conversation.
/// </summary>
public class CitationTests(Browser browser) : IClassFixture<Browser>
{
    public static TheoryData<string, string, string, string, string> Questions => new()
    {
        // locale, question answered from a linked document, from a document without a link, its language, the welcome
        { "fr-FR", "faut il être à jeun pour mon ostéosynthèse du bassin ?", "quels sont les risques de la vertébroplastie ?", "fr", "Bonjour, je suis" },
        { "it-IT", "devo essere a digiuno per l'osteosintesi percutanea?", "quali sono i rischi della vertebroplastica?", "fr", "Buongiorno, sono" },
        { "en-GB", "do I need to fast before osteosynthesis?", "what are the risks of a vertebroplasty?", "fr", "Hello, I am" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task EveryKindOfReference_Opens_AndTheChatGoesOn_EvenAfterAReload(
        string locale, string linkedQuestion, string unlinkedQuestion, string quoteLanguage, string welcome)
    {
        await using var bot = await BotHost.StartAsync($"--Content:DialogsFolder={Content.WithALinkedDocument()}");
        var page = await browser.OpenAsync(bot.Address, locale: locale);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.Context.RouteAsync(Content.OsteosynthesisUrl, route => route.FulfillAsync(new() { Body = "<title>Ostéosynthèse</title>", ContentType = "text/html" }));
        await Assertions.Expect(Chat.Said(page, welcome)).ToBeVisibleAsync(Chat.Patiently);

        var unlinked = await Chat.AnswerToAsync(page, unlinkedQuestion);
        await OpensInTheDialogAsync(page, unlinked.Locator("button[value='cite:1']"), quoteLanguage, byKeyboard: false);
        await OpensInTheDialogAsync(page, unlinked.Locator(".webchat__link-definitions__list-item button").First, quoteLanguage, byKeyboard: true);
        await Accessibility.AssertNoViolationsAsync(page, $"{locale}, answer with references");

        var linked = await Chat.AnswerToAsync(page, linkedQuestion);
        var reference = linked.Locator($".webchat__link-definitions__list-item a[href='{Content.OsteosynthesisUrl}']");
        Assert.Equal(quoteLanguage, await linked.Locator("button[value='cite:1']").EvaluateAsync<string>("b => b.closest('[lang]').lang"));
        var document = await page.Context.RunAndWaitForPageAsync(() => reference.ClickAsync());
        Assert.Equal(Content.OsteosynthesisUrl, document.Url);
        await document.CloseAsync();

        await Chat.AnswerToAsync(page, unlinkedQuestion);
        Assert.Empty(errors);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".reply button[value='cite:1']")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        await Assertions.Expect(Chat.Said(page, linkedQuestion)).ToBeVisibleAsync();
        Assert.Equal(1, await page.Locator(".reply").Filter(new() { HasText = welcome }).CountAsync());
        await Chat.AnswerToAsync(page, linkedQuestion);
        Assert.Empty(errors);
    }

    /// <summary>The dialog shows the whole quote in its language; Escape closes it, focus returns to the reference.</summary>
    private static async Task OpensInTheDialogAsync(IPage page, ILocator opener, string language, bool byKeyboard)
    {
        if (byKeyboard)
        {
            await opener.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }
        else
        {
            await opener.ClickAsync();
        }
        var dialog = page.Locator("dialog.webchat__citation-modal-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("blockquote")).Not.ToBeEmptyAsync();
        await Assertions.Expect(dialog.Locator(".webchat__citation-modal-dialog__body")).ToHaveAttributeAsync("lang", language);
        Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"), "focus is in the dialog");
        await Accessibility.AssertNoViolationsAsync(page, "reference opened");

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.True(await opener.EvaluateAsync<bool>("o => o === document.activeElement"), "focus is back on the reference");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox).Last).ToBeEditableAsync();
    }
}
