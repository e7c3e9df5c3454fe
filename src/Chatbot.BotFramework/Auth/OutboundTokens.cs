using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Chatbot.BotFramework.Auth;

/// <summary>A bearer token for calls to a channel's Connector API, or null when the bot has no identity (Emulator).</summary>
public interface IOutboundTokens
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials tokens from Microsoft Entra (MSAL), for the configured app type: a secret for
/// MultiTenant / SingleTenant, the user-assigned managed identity for UserAssignedMSI. MSAL keeps
/// the token in its cache and asks again only near expiry.
/// </summary>
public sealed class MsalOutboundTokens : IOutboundTokens
{
    public const string Scope = "https://api.botframework.com/.default";
    private readonly BotAuthOptions options;
    private readonly Lazy<IConfidentialClientApplication>? confidential;
    private readonly Lazy<IManagedIdentityApplication>? managed;

    public MsalOutboundTokens(IOptions<BotAuthOptions> options)
    {
        this.options = options.Value;
        if (!this.options.AuthenticationEnabled) return;
        if (this.options.MicrosoftAppType == "UserAssignedMSI")
        {
            managed = new(() => ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(this.options.MicrosoftAppId!)).Build());
            return;
        }
        confidential = new(() => ConfidentialClientApplicationBuilder.Create(this.options.MicrosoftAppId)
            .WithClientSecret(this.options.MicrosoftAppPassword)
            .WithAuthority(this.options.EntraAuthority.Replace("{tenant}", this.options.Tenant, StringComparison.Ordinal), validateAuthority: false)
            .Build());
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (confidential is not null)
                return (await confidential.Value.AcquireTokenForClient([Scope]).ExecuteAsync(cancellationToken)).AccessToken;
            if (managed is not null)
                return (await managed.Value.AcquireTokenForManagedIdentity("https://api.botframework.com").ExecuteAsync(cancellationToken)).AccessToken;
            return null;
        }
        catch (MsalException e)
        {
            // Reported like any failure to reach the channel: the turn is answered 502, never 500.
            throw new HttpRequestException($"no token for the channel ({e.ErrorCode})", e);
        }
    }
}
