using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Tests.Messages;

public class StartupTests
{
    [Fact]
    public async Task AppIdWithoutPassword_FailsAtStartUp_NamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync("--MicrosoftAppId=11111111-2222-3333-4444-555555555555"));

        Assert.Contains("MicrosoftAppPassword", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleTenantWithoutTenant_FailsAtStartUp()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(
            "--MicrosoftAppId=11111111-2222-3333-4444-555555555555", "--MicrosoftAppType=SingleTenant", "--MicrosoftAppPassword=x"));

        Assert.Contains("MicrosoftAppTenantId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenContent_FailsAtStartUp_WithFileAndLine()
    {
        var dialogs = Repository.CopyOfDialogs();
        File.AppendAllText(Path.Combine(dialogs, "topics.yaml"), "  - id: [broken\n");

        var failure = await Assert.ThrowsAsync<Chatbot.Core.Content.ContentException>(() => BotHost.StartAsync($"--Content:DialogsFolder={dialogs}"));

        Assert.Contains("dialogs/topics.yaml:", failure.Message, StringComparison.Ordinal);
    }
}
