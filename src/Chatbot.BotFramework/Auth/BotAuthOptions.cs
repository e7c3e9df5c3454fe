using System.ComponentModel.DataAnnotations;

namespace Chatbot.BotFramework.Auth;

/// <summary>
/// The bot's identity, bound from the root of configuration with the names Azure Bot Service uses
/// (MicrosoftAppId, MicrosoftAppType, MicrosoftAppPassword, MicrosoftAppTenantId). The password comes
/// from the environment or a Key Vault reference, never from a file in the repository.
/// </summary>
public sealed class BotAuthOptions : IValidatableObject
{
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>Empty: local use with the Emulator, requests accepted unauthenticated.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where Azure Bot Service publishes its signing keys; tests point it at their own.</summary>
    [Url]
    public string BotOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Microsoft Entra metadata, for Emulator and single-tenant tokens ({tenant} is replaced).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>Where outbound tokens are requested ({tenant} is replaced).</summary>
    public string EntraAuthority { get; set; } = "https://login.microsoftonline.com/{tenant}";

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The tenant whose tokens the bot accepts and asks for: the bot's own if single-tenant.</summary>
    public string Tenant => MicrosoftAppType.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase) ? MicrosoftAppTenantId ?? "" : "botframework.com";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AuthenticationEnabled) yield break;
        if (MicrosoftAppType is not ("MultiTenant" or "SingleTenant" or "UserAssignedMSI"))
            yield return new ValidationResult("MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI", [nameof(MicrosoftAppType)]);
        if (MicrosoftAppType == "SingleTenant" && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
            yield return new ValidationResult("SingleTenant needs MicrosoftAppTenantId", [nameof(MicrosoftAppTenantId)]);
        if (MicrosoftAppType != "UserAssignedMSI" && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
            yield return new ValidationResult($"{MicrosoftAppType} needs MicrosoftAppPassword (from the environment or Key Vault)", [nameof(MicrosoftAppPassword)]);
    }
}
