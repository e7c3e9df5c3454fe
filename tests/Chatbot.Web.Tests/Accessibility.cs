using System.Text.Json;
using Chatbot.Functions.Tests;
using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>
/// Deque's axe-core (npm, installed by test.sh into tests/axe: no CDN) run in the page with the
/// WCAG 2.0/2.1 A and AA rules, and the reflow check of WCAG 1.4.10 (320 CSS pixels, i.e. 400 % zoom).
/// </summary>
public static class Accessibility
{
    private static readonly string AxeScript = Path.Combine(Repository.Root, "tests", "axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Fails with each violated rule and the elements it found, in the state the page is in.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        if (!File.Exists(AxeScript)) throw new InvalidOperationException($"{AxeScript} is missing: run bash test.sh (npm ci in tests/axe)");
        // Evaluated through the DevTools protocol: the pages' Content-Security-Policy stays as in production.
        if (!await page.EvaluateAsync<bool>("typeof window.axe !== 'undefined'")) await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript));
        var found = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return JSON.stringify(result.violations.map(v => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`));
            }
            """);
        var violations = JsonSerializer.Deserialize<string[]>(found)!;
        Assert.True(violations.Length == 0, $"axe-core, {state}:\n{string.Join("\n", violations)}");
    }

    /// <summary>No horizontal scrolling, and no text cut (clipped or ended with "…") in the page or in Web Chat.</summary>
    public static async Task AssertReflowsAsync(IPage page, string state)
    {
        var cut = await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px in ${window.innerWidth}px`);
              for (const el of document.querySelectorAll('button, a, p, span, h1, h2, label, li')) {
                const style = getComputedStyle(el);
                if (el.offsetParent === null || style.overflowX === 'visible' && style.textOverflow !== 'ellipsis') continue;
                if (el.scrollWidth > el.clientWidth + 1 && el.textContent.trim().length > 0 && style.overflowX !== 'auto' && style.overflowX !== 'scroll')
                  problems.push(`cut: <${el.tagName.toLowerCase()} class="${el.className}"> "${el.textContent.trim().slice(0, 60)}"`);
              }
              return problems;
            }
            """);
        Assert.True(cut.Length == 0, $"reflow, {state}:\n{string.Join("\n", cut)}");
    }
}
