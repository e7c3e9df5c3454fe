using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.BotFramework.Auth;

/// <summary>
/// Validates the bearer JWT of an incoming activity as the Bot Framework requires: signed (RS256)
/// by a key from the issuer's OpenID metadata (cached, refreshed when an unknown key appears),
/// right issuer, audience = the bot's App ID, 5 minutes of clock skew, then the claims of
/// <see cref="TokenClaims"/>: for channel tokens the serviceurl and the key's endorsement, for
/// Entra-issued ones the caller's App ID and a serviceUrl the token or the policy vouches for.
/// </summary>
public sealed partial class InboundAuthenticator
{
    /// <summary>The Bot Framework's own tenants, which sign Emulator tokens.</summary>
    private static readonly string[] BotFrameworkTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    private readonly BotAuthOptions options;
    private readonly ILogger<InboundAuthenticator> logger;
    private readonly ServiceUrlPolicy serviceUrls;
    private readonly JsonWebTokenHandler handler = new();
    private readonly ConfigurationManager<OpenIdConnectConfiguration> channelKeys;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> entraKeys;

    public InboundAuthenticator(
        IOptions<BotAuthOptions> options, ServiceUrlPolicy serviceUrls,
        ILogger<InboundAuthenticator> logger, TimeProvider time)
    {
        this.options = options.Value;
        this.serviceUrls = serviceUrls;
        this.logger = logger;
        Time = time;
        channelKeys = Keys(this.options.BotOpenIdMetadataUrl);
        entraKeys = Keys(this.options.EntraOpenIdMetadataUrl.Replace("{tenant}", this.options.Tenant, StringComparison.Ordinal));
    }

    public TimeProvider Time { get; }

    /// <summary>
    /// Without an App ID nobody vouches for the serviceUrl, so the policy must (a 400: the request
    /// is wrong, not its caller). Checked on every activity that carries one, expectReplies included:
    /// an escalation stores it, and a staff reply is posted there later.
    /// </summary>
    public string? ServiceUrlRefusal(Activity activity) =>
        options.AuthenticationEnabled || activity.ServiceUrl is not { } url ? null : serviceUrls.Refusal(url);

    /// <summary>Null when the request may proceed; otherwise why it is refused (for logs, never for the caller).</summary>
    public async Task<string?> RefuseAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (!options.AuthenticationEnabled) return null;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return "no bearer token";
        var token = authorization["Bearer ".Length..].Trim();
        JsonWebToken unvalidated;
        try
        {
            unvalidated = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return "not a JWT";
        }
        var fromChannel = unvalidated.Issuer == BotAuthOptions.ChannelIssuer;
        try
        {
            var (result, configuration) = await ValidateAsync(token, fromChannel, refreshed: false, cancellationToken);
            if (!result.IsValid) return $"invalid token: {result.Exception?.GetType().Name}";
            return fromChannel ? TokenClaims.ChannelRefusal(unvalidated, configuration, activity)
                : TokenClaims.EntraRefusal(unvalidated, options.MicrosoftAppId!, activity, serviceUrls);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException)
        {
            // Metadata unreachable: refuse this request, keep serving.
            Log.MetadataUnavailable(logger, e.GetType().Name);
            return "signing keys unavailable";
        }
    }

    private async Task<(TokenValidationResult, OpenIdConnectConfiguration)> ValidateAsync(string token, bool fromChannel, bool refreshed, CancellationToken cancellationToken)
    {
        var keys = fromChannel ? channelKeys : entraKeys;
        var configuration = await keys.GetConfigurationAsync(cancellationToken);
        var result = await handler.ValidateTokenAsync(token, Parameters(configuration, fromChannel));
        if (!result.IsValid && !refreshed && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key rollover: fetch the metadata again, once.
            keys.RequestRefresh();
            return await ValidateAsync(token, fromChannel, refreshed: true, cancellationToken);
        }
        return (result, configuration);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration, bool fromChannel) => new()
    {
        ValidIssuers = fromChannel ? [BotAuthOptions.ChannelIssuer] : EntraIssuers(),
        ValidAudiences = [options.MicrosoftAppId!, $"api://{options.MicrosoftAppId}"],
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = Time.GetUtcNow().UtcDateTime;
            return (notBefore is null || notBefore <= now + parameters.ClockSkew) && expires is not null && expires >= now - parameters.ClockSkew;
        },
    };

    private string[] EntraIssuers()
    {
        var tenants = options.Tenant == "botframework.com" ? BotFrameworkTenants : [options.MicrosoftAppTenantId!];
        return [.. tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })];
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> Keys(string url) =>
        new(url, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = !IsLoopback(url) })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };

    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "OpenID metadata unavailable ({Error}): request refused")]
        public static partial void MetadataUnavailable(ILogger logger, string error);
    }
}
