using System.Net;
using Chatbot.BotFramework.Auth;

namespace Chatbot.Functions.Tests.Auth;

/// <summary>
/// Tokens from Microsoft Entra (the Emulator with an App ID): the caller must be the bot itself,
/// named in "appid" (version 1.0) or "azp" (2.0), as the Bot Framework SDK's EmulatorValidation
/// requires; and the serviceUrl must be vouched for by the token or satisfy the loopback/allow-list rule.
/// </summary>
public class EntraTokenTests
{
    private const string OtherApp = "99999999-8888-7777-6666-555555555555";

    private static Task<BotHost> SecuredBotAsync(TokenIssuer issuer, OutboundRecorder network) => BotHost.StartAsync(
        services =>
        {
            services.AddSingleton<IOutboundTokens>(new FixedOutboundToken("outbound-test-token"));
            network.Replace(services);
        },
        $"--MicrosoftAppId={TokenIssuer.AppId}",
        "--MicrosoftAppPassword=test-only-not-a-secret",
        $"--BotOpenIdMetadataUrl={issuer.MetadataUrl}",
        $"--EntraOpenIdMetadataUrl={issuer.Base}/entra/{{tenant}}/.well-known/openid-configuration");

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EntraToken_OfTheBotItself_IsAnswered(string version)
    {
        await using var issuer = await TokenIssuer.StartAsync();
        var network = new OutboundRecorder();
        await using var bot = await SecuredBotAsync(issuer, network);
        var token = version == "1.0"
            ? issuer.EntraToken("1.0", appId: TokenIssuer.AppId)
            : issuer.EntraToken("2.0", azp: TokenIssuer.AppId);

        using var response = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: "http://localhost:9/"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(network.Sent);
    }

    public static TheoryData<string> WrongCallers() =>
    [
        "another app (1.0)", "another app (2.0)", "no appid (1.0)", "no azp (2.0)",
        "azp on a 1.0 token", "no version", "version 3.0",
    ];

    [Theory]
    [MemberData(nameof(WrongCallers))]
    public async Task EntraToken_NotNamingTheBot_Gets401_AndNothingLeavesTheBot(string what)
    {
        await using var issuer = await TokenIssuer.StartAsync();
        var network = new OutboundRecorder();
        await using var bot = await SecuredBotAsync(issuer, network);
        var token = what switch
        {
            "another app (1.0)" => issuer.EntraToken("1.0", appId: OtherApp),
            "another app (2.0)" => issuer.EntraToken("2.0", azp: OtherApp),
            "no appid (1.0)" => issuer.EntraToken("1.0"),
            "no azp (2.0)" => issuer.EntraToken("2.0", appId: TokenIssuer.AppId),
            "azp on a 1.0 token" => issuer.EntraToken("1.0", azp: TokenIssuer.AppId),
            "no version" => issuer.EntraToken(null, appId: TokenIssuer.AppId, azp: TokenIssuer.AppId),
            _ => issuer.EntraToken("3.0", appId: TokenIssuer.AppId, azp: TokenIssuer.AppId),
        };

        using var response = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: "http://localhost:9/"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(network.Sent);
    }

    [Theory]
    [InlineData("http://169.254.169.254/", null)]
    [InlineData("https://bot-relay.example.com/", null)]
    [InlineData("http://localhost:9/", "http://localhost:8/")]
    public async Task EntraToken_ForAServiceUrlNobodyVouchesFor_Gets401_AndNothingLeaves(string url, string? claimed)
    {
        await using var issuer = await TokenIssuer.StartAsync();
        var network = new OutboundRecorder();
        await using var bot = await SecuredBotAsync(issuer, network);

        using var response = await bot.PostAsync(
            Patient.Says("bonjour", serviceUrl: url),
            issuer.EntraToken("1.0", appId: TokenIssuer.AppId, serviceUrl: claimed));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(network.Sent);
    }

    [Fact]
    public async Task ChannelToken_WithoutServiceUrlClaim_Gets401()
    {
        await using var issuer = await TokenIssuer.StartAsync();
        var network = new OutboundRecorder();
        await using var bot = await SecuredBotAsync(issuer, network);
        var token = issuer.Token(serviceUrl: null);
        var question = Patient.Says("bonjour", serviceUrl: null) with { DeliveryMode = "expectReplies" };

        using var response = await bot.PostAsync(question, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
