using System.Net;
using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Tests.Messages;

/// <summary>Without an App ID, replies go only to this computer (the Emulator) or to Bot:AllowedServiceUrls.</summary>
public class ServiceUrlTests
{
    public static TheoryData<string> Elsewhere() =>
    [
        "http://169.254.169.254/latest/meta-data/",
        "https://bot-relay.example.com/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:9/",
        "javascript:alert(1)",
        "http://127.0.0.1:9/?next=http://169.254.169.254/",
        "http://user@127.0.0.1:9/",
        "http://0.0.0.0:9/",
    ];

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task Message_WithServiceUrlElsewhere_Gets400_AndNothingLeavesTheBot(string serviceUrl)
    {
        var network = new OutboundRecorder();
        await using var bot = await BotHost.StartAsync(network.Replace);

        using var response = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("serviceUrl", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Chatbot.", body, StringComparison.Ordinal);
        Assert.Empty(network.Sent);
    }

    [Fact]
    public async Task ExpectReplies_WithServiceUrlElsewhere_Gets400_BecauseAStaffReplyWouldGoThere()
    {
        var network = new OutboundRecorder();
        await using var bot = await BotHost.StartAsync(network.Replace);
        var emergency = Patient.Says("j'ai 40 de fièvre", serviceUrl: "http://169.254.169.254/")
            with { DeliveryMode = DeliveryModes.ExpectReplies };

        using var response = await bot.PostAsync(emergency);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(network.Sent);
    }

    [Theory]
    [InlineData("http://[::1]:9/")]
    [InlineData("http://localhost:9/")]
    [InlineData("http://127.8.9.10:9/")]
    public async Task Message_ToLoopback_IsAnswered_WhileTheMetadataAddressIsRefused(string loopback)
    {
        var network = new OutboundRecorder();
        await using var bot = await BotHost.StartAsync(network.Replace);

        using var accepted = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: loopback));
        using var refused = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: "http://169.254.169.254/"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(new Uri(loopback).Host, Assert.Single(network.Sent).Host);
    }

    [Theory]
    [InlineData("channel.example", "https://channel.example/")]
    [InlineData("https://channel.example/relay/", "https://channel.example/relay/")]
    public async Task Message_ToAnAllowListedServiceUrl_IsAnswered_WhileOthersAreRefused(string allowed, string url)
    {
        var network = new OutboundRecorder();
        await using var bot = await BotHost.StartAsync(network.Replace, $"--Bot:AllowedServiceUrls:0={allowed}");

        using var listed = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: url));
        using var otherHost = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: "https://channel.example.evil/"));
        using var otherPath = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: "http://channel.example:8080/"));

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherHost.StatusCode);
        // A host entry admits any port of that host; a URL prefix only its own scheme, port and path.
        var isPrefix = allowed.Contains("://", StringComparison.Ordinal);
        Assert.Equal(isPrefix ? HttpStatusCode.BadRequest : HttpStatusCode.OK, otherPath.StatusCode);
        var reply = network.Sent.First().ToString();
        Assert.StartsWith(url + "v3/conversations/conv-1/activities/", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://files.example/")]
    [InlineData("https://user:password@channel.example/")]
    [InlineData("https://channel.example/?key=1")]
    [InlineData("channel example")]
    [InlineData("/v3/conversations")]
    public async Task MalformedAllowList_FailsAtStartUp_NamingTheSetting(string entry)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(
            () => BotHost.StartAsync($"--Bot:AllowedServiceUrls:0={entry}"));

        Assert.Contains("Bot:AllowedServiceUrls", failure.Message, StringComparison.Ordinal);
        Assert.Contains(entry, failure.Message, StringComparison.Ordinal);
    }
}
