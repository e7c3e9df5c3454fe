using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.Auth;

/// <summary>
/// <c>Bot:AllowedServiceUrls</c>: where the bot may post replies when no token vouches for the
/// serviceUrl (no App ID, or an Emulator token). Each entry is a host name ("channel.example") or
/// an absolute http(s) URL prefix ("https://channel.example/v3-proxy/"). Loopback is always allowed.
/// </summary>
public sealed class ServiceUrlOptions : IValidatableObject
{
    public const string Section = "Bot";

    public string[] AllowedServiceUrls { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in AllowedServiceUrls)
        {
            if (ServiceUrlEntry.Parse(entry) is null)
            {
                yield return new ValidationResult(
                    $"Bot:AllowedServiceUrls: '{entry}' is neither a host name nor an absolute http(s) URL "
                    + "without user, query or fragment", [nameof(AllowedServiceUrls)]);
            }
        }
    }
}

/// <summary>One allowed place: a host (any port, http or https) or a URL prefix (scheme, host, port, path).</summary>
public sealed record ServiceUrlEntry(string Host, Uri? Prefix)
{
    public static ServiceUrlEntry? Parse(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry)) return null;
        if (!entry.Contains("://", StringComparison.Ordinal))
        {
            return Uri.CheckHostName(entry) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
                ? new ServiceUrlEntry(entry.Trim('[', ']').ToLowerInvariant(), null) : null;
        }
        if (ServiceUrlPolicy.Plain(entry) is not { } prefix) return null;
        return new ServiceUrlEntry(prefix.IdnHost, new Uri(prefix.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"));
    }

    public bool Admits(Uri serviceUrl) => Prefix is null
        ? string.Equals(serviceUrl.IdnHost, Host, StringComparison.OrdinalIgnoreCase)
        : Prefix.Scheme == serviceUrl.Scheme && Prefix.Port == serviceUrl.Port
            && string.Equals(Prefix.IdnHost, serviceUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
            && (serviceUrl.AbsolutePath.TrimEnd('/') + "/").StartsWith(Prefix.AbsolutePath, StringComparison.Ordinal);
}

/// <summary>
/// Which serviceUrls the bot may post to on nobody's word but the request's: http(s) on loopback
/// (the Emulator) or listed in <see cref="ServiceUrlOptions"/>. Anything else would make the bot
/// an open relay — to a cloud metadata address, an internal host, any site.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<ServiceUrlOptions> options)
{
    // Every entry parses: ServiceUrlOptions.Validate refused the start otherwise.
    private readonly ServiceUrlEntry[] allowed =
        [.. options.Value.AllowedServiceUrls.Select(e => ServiceUrlEntry.Parse(e)!)];

    /// <summary>Null when replies may go to <paramref name="serviceUrl"/>; otherwise why not, in plain words.</summary>
    public string? Refusal(string serviceUrl)
    {
        if (Plain(serviceUrl) is not { } uri)
            return "the serviceUrl must be an absolute http or https URL without user, query or fragment";
        if (IsLoopback(uri) || allowed.Any(entry => entry.Admits(uri))) return null;
        return "the serviceUrl is not on this computer nor in Bot:AllowedServiceUrls";
    }

    /// <summary>An absolute http(s) URL with nothing that could make its host read two ways.</summary>
    public static Uri? Plain(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
        && !url.Contains('\\', StringComparison.Ordinal) ? uri : null;

    /// <summary>localhost, 127.0.0.0/8 or ::1, as Uri reads them ("loopback" is localhost, 2130706433 too).</summary>
    private static bool IsLoopback(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)
            : string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);
}
