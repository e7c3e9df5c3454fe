using System.Diagnostics;
using Chatbot.Functions.Tests;

namespace Chatbot.Web.Tests;

/// <summary>The local Direct Line spoken to by Microsoft's own client, botframework-directlinejs, in Node.</summary>
public class DirectLineClientTests
{
    [Fact]
    public async Task MicrosoftsDirectLineClient_GetsTheWelcomeAndACitedAnswer()
    {
        var folder = Path.Combine(Repository.Root, "tests", "directlinejs");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "botframework-directlinejs")), "run bash test.sh: it installs tests/directlinejs with npm ci");
        await using var bot = await BotHost.StartAsync();

        var run = Process.Start(new ProcessStartInfo("node", ["check.js", bot.Address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await run.WaitForExitAsync(timeout.Token);

        Assert.True(run.ExitCode == 0, await output + await errors);
        Assert.Contains("OK fasting 1 citation(s)", await output, StringComparison.Ordinal);
    }
}
