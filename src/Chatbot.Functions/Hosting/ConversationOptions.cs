using System.ComponentModel.DataAnnotations;

namespace Chatbot.Functions.Hosting;

/// <summary>How a conversation behaves over time (section <c>Conversation</c>).</summary>
public sealed class ConversationOptions : IValidatableObject
{
    /// <summary>After this silence the next message starts a fresh context, and the patient is told.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Checked here, not with [Range(typeof(TimeSpan))]: that attribute needs reflection Native AOT does not keep.
        if (IdleTimeout < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult(
                "Conversation:IdleTimeout must be at least a minute", [nameof(IdleTimeout)]);
        }
    }
}

/// <summary>The hospital's web site (section <c>Site</c>).</summary>
public sealed class SiteOptions : IValidatableObject
{
    /// <summary>The privacy notice the welcome links to: an https address, or a path on this site.</summary>
    public string? PrivacyUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PrivacyUrl is not { Length: > 0 } url) yield break;
        var absolute = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
        if (!absolute && !(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)))
            yield return new ValidationResult(
                "Site:PrivacyUrl must be an https address or a path on this site (/...)", [nameof(PrivacyUrl)]);
    }
}
