using System.Net;
using System.Security.Cryptography;
using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.Auth;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Functions.Tests.Auth;

public class AuthenticationTests
{
    /// <summary>False: the plain server; <see cref="AuthenticationTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    private Task<BotHost> SecuredBotAsync(TokenIssuer issuer) => BotHost.StartIn(InTheWorker, 
        services => services.AddSingleton<IOutboundTokens>(new FixedOutboundToken("outbound-test-token")),
        $"--MicrosoftAppId={TokenIssuer.AppId}",
        "--MicrosoftAppPassword=test-only-not-a-secret",
        $"--BotOpenIdMetadataUrl={issuer.MetadataUrl}",
        $"--EntraOpenIdMetadataUrl={issuer.Base}/entra/{{tenant}}/.well-known/openid-configuration");

    [Fact]
    public async Task ValidChannelToken_IsAnswered()
    {
        await using var issuer = await TokenIssuer.StartAsync();
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await SecuredBotAsync(issuer);
        var question = Patient.Says("bonjour", serviceUrl: channel.ServiceUrl);

        var response = await bot.PostAsync(question, issuer.Token(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer outbound-test-token", Assert.Single(channel.Received).Authorization);
    }

    public static TheoryData<string> WrongTokens() => ["wrong audience", "wrong issuer", "expired", "other serviceUrl", "HS256", "unsigned", "garbage", "other key", "none"];

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task WrongToken_Gets401_AndNothingIsSentToTheServiceUrl(string what)
    {
        await using var issuer = await TokenIssuer.StartAsync();
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await SecuredBotAsync(issuer);
        var serviceUrl = channel.ServiceUrl;
        using var otherRsa = RSA.Create(2048);
        var token = what switch
        {
            "wrong audience" => issuer.Token(serviceUrl, audience: "someone-else"),
            "wrong issuer" => issuer.Token(serviceUrl, issuer: "https://evil.example.com"),
            "expired" => issuer.Token(serviceUrl, expires: DateTime.UtcNow.AddMinutes(-6)),
            "other serviceUrl" => issuer.Token("https://attacker.example.com/"),
            "HS256" => issuer.Token(serviceUrl, signing: new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256)),
            "unsigned" => string.Join('.', issuer.Token(serviceUrl).Split('.')[..2]) + ".",
            "other key" => issuer.Token(serviceUrl, signing: new SigningCredentials(new RsaSecurityKey(otherRsa) { KeyId = "test-key-1" }, SecurityAlgorithms.RsaSha256)),
            "garbage" => "not.a.token",
            _ => null,
        };

        var response = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: serviceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(channel.Received);
    }

    [Fact]
    public async Task KeyNotEndorsedForTheChannel_Gets401()
    {
        await using var issuer = await TokenIssuer.StartAsync();
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await SecuredBotAsync(issuer);

        var response = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: channel.ServiceUrl) with { ChannelId = "msteams" }, issuer.Token(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(channel.Received);
    }

    [Fact]
    public async Task MetadataUnreachable_RequestsAreRefused_AndTheProcessStaysUp()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartIn(InTheWorker, 
            $"--MicrosoftAppId={TokenIssuer.AppId}", "--MicrosoftAppPassword=test-only-not-a-secret",
            "--BotOpenIdMetadataUrl=http://127.0.0.1:9/.well-known/openidconfiguration");
        await using var issuer = await TokenIssuer.StartAsync();

        var first = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: channel.ServiceUrl), issuer.Token(channel.ServiceUrl));
        var health = await bot.Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(channel.Received);
    }

    [Fact]
    public async Task SigningKeys_AreFetchedOnce_AndCached()
    {
        await using var issuer = await TokenIssuer.StartAsync();
        await using var bot = await SecuredBotAsync(issuer);

        for (var i = 0; i < 5; i++)
        {
            var response = await bot.PostAsync(Patient.Says("bonjour", serviceUrl: "http://127.0.0.1:9/") with { DeliveryMode = DeliveryModes.ExpectReplies }, issuer.Token("http://127.0.0.1:9/"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, issuer.MetadataRequests);
    }

    [Fact]
    public async Task NoAppIdConfigured_EmulatorRequestsWithoutTokenAreAccepted()
    {
        await using var bot = await BotHost.StartIn(InTheWorker);

        var response = await bot.PostAsync(Patient.Says("bonjour") with { DeliveryMode = DeliveryModes.ExpectReplies });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>Entra's token endpoint is out of reach in tests: the bot's replies carry this token instead.</summary>
internal sealed class FixedOutboundToken(string token) : IOutboundTokens
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
}

/// <summary>The same tests on the isolated worker, reached as the Functions host routes requests.</summary>
public sealed class AuthenticationTestsInTheWorker : AuthenticationTests
{
    protected override bool InTheWorker => true;
}
