using Chatbot.BotFramework.Schema;
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

    [Theory]
    [InlineData("--Conversation:IdleTimeout=00:00:10", "Conversation:IdleTimeout")]
    [InlineData("--Site:PrivacyUrl=javascript:alert(1)", "Site:PrivacyUrl")]
    [InlineData("--Site:PrivacyUrl=//elsewhere.example/privacy", "Site:PrivacyUrl")]
    [InlineData("--OfficeHours:TimeZone=Mars/Olympus_Mons", "OfficeHours:TimeZone")]
    [InlineData("--Storage:Retention:Activity=1.00:00:00", "Storage:Retention:Activity")]
    public async Task PatientFacingSettingsOutOfRange_FailAtStartUp_NamingTheSetting(string setting, string named)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(setting));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrivacyNotice_IsLinkedFromTheWelcome()
    {
        await using var bot = await BotHost.StartAsync("--Site:PrivacyUrl=https://hopital.example/confidentialite");

        var joined = Patient.Says("") with { Type = ActivityTypes.ConversationUpdate, Text = null, MembersAdded = [new("user-1")] };

        var welcome = Assert.Single(await bot.ExpectRepliesAsync(joined));

        Assert.Contains("https://hopital.example/confidentialite", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("30 jours", welcome.Text, StringComparison.Ordinal);
    }
}
