using System.Text.Json;
using Chatbot.BotFramework.Schema;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.BotFramework.Auth;

/// <summary>
/// What a token with a valid signature, issuer, audience and lifetime must still say, as the Bot
/// Framework SDK checks it (ChannelValidation, EmulatorValidation). Each rule answers null when
/// satisfied, otherwise why not (for logs, never for the caller).
/// </summary>
public static class TokenClaims
{
    /// <summary>Azure Bot Service: a key endorsed for the channel, a serviceurl claim naming the activity's.</summary>
    public static string? ChannelRefusal(JsonWebToken token, OpenIdConnectConfiguration keys, Activity activity)
    {
        var key = keys.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == token.Kid);
        if (key is not null && !Endorses(key, activity.ChannelId)) return "signing key not endorsed for this channel";
        if (Claimed(token, "serviceurl") is not { } serviceUrl) return "no serviceurl claim";
        return SameUrl(serviceUrl, activity.ServiceUrl) ? null : "serviceurl claim does not match the activity";
    }

    /// <summary>
    /// Entra-issued (Emulator) tokens: the caller is the bot itself — its App ID in <c>appid</c>
    /// (token version 1.0) or <c>azp</c> (2.0); another app's token is a skill call, which this bot
    /// does not take. With no serviceurl claim the serviceUrl must satisfy the policy, as unauthenticated.
    /// </summary>
    public static string? EntraRefusal(JsonWebToken token, string appId, Activity activity, ServiceUrlPolicy policy)
    {
        var caller = Claimed(token, "ver") switch
        {
            null => null,
            "" or "1.0" => Claimed(token, "appid"),
            "2.0" => Claimed(token, "azp"),
            _ => null,
        };
        if (caller is null) return "no appid (version 1.0) or azp (version 2.0) claim";
        if (!string.Equals(caller, appId, StringComparison.OrdinalIgnoreCase)) return "token issued to another app";
        if (Claimed(token, "serviceurl") is { } serviceUrl)
            return SameUrl(serviceUrl, activity.ServiceUrl) ? null : "serviceurl claim does not match the activity";
        return activity.ServiceUrl is { } url && policy.Refusal(url) is { } refusal ? refusal : null;
    }

    /// <summary>Keys carry "endorsements": the channels allowed to use them.</summary>
    public static bool Endorses(SecurityKey key, string? channelId) =>
        key is not JsonWebKey jwk || !jwk.AdditionalData.TryGetValue("endorsements", out var value)
        || (value is JsonElement { ValueKind: JsonValueKind.Array } list
            && list.EnumerateArray().Any(e => e.GetString() == channelId))
        || (value is IEnumerable<object> items && items.Any(e => e?.ToString() == channelId));

    private static string? Claimed(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<string>(claim, out var value) ? value : null;

    private static bool SameUrl(string claimed, string? activity) =>
        string.Equals(claimed.TrimEnd('/'), activity?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
