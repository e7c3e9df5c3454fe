using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>What a patient does in Web Chat, and what they read there.</summary>
public static class Chat
{
    public static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    /// <summary>A message's visible text (Web Chat also writes each one in a screen-reader label).</summary>
    public static ILocator Said(IPage page, string text) =>
        page.GetByRole(AriaRole.Paragraph).Filter(new() { HasText = text }).First;

    public static async Task AskAsync(IPage page, string question)
    {
        var input = page.GetByRole(AriaRole.Textbox).Last;
        await input.FillAsync(question);
        await input.PressAsync("Enter");
    }

    /// <summary>Asks, and returns the bot's next reply (the page's own wrapper around it).</summary>
    public static async Task<ILocator> AnswerToAsync(IPage page, string question)
    {
        var replies = page.Locator(".reply");
        var before = await replies.CountAsync();
        await AskAsync(page, question);
        await Assertions.Expect(replies).ToHaveCountAsync(before + 1, new() { Timeout = 20_000 });
        return replies.Nth(before);
    }
}
