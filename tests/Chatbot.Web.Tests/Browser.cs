using Microsoft.Playwright;

namespace Chatbot.Web.Tests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (its own browser download cannot work here).
/// Background networking is off: the network is closed and Chromium would otherwise keep trying.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";
    private IPlaywright? playwright;

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>Screenshots land here (test artifacts): artifacts/screenshots under the repository.</summary>
    public static string Screenshots { get; } = Path.Combine(Chatbot.Functions.Tests.Repository.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable)) throw new InvalidOperationException($"{Executable} is missing: run bash test.sh, which installs Debian's chromium");
        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// A page in a context of its own (its own sessionStorage); <paramref name="width"/> in CSS pixels;
    /// <paramref name="permissions"/> granted to the site ("notifications"), <paramref name="initScript"/> run
    /// before the page's own scripts on every load (a spy on a browser API).
    /// </summary>
    public async Task<IPage> OpenAsync(
        Uri address, string locale = "fr-FR", bool phone = false, int? width = null, int? height = null,
        string[]? permissions = null, string? initScript = null)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = width is { } w ? new ViewportSize { Width = w, Height = height ?? 640 }
                : phone ? new ViewportSize { Width = 390, Height = 780 } : new ViewportSize { Width = 1200, Height = 900 },
            IsMobile = phone,
            Permissions = permissions,
        });
        if (initScript is not null) await context.AddInitScriptAsync(initScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync(address.ToString());
        return page;
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        playwright?.Dispose();
    }
}
