using System.Text.Json.Serialization;

namespace Chatbot.BotFramework.Schema;

/// <summary>
/// The schema.org <c>Message</c> entity whose <c>citation</c> claims Teams and Web Chat render as
/// numbered references for the <c>[n]</c> markers of the text.
/// Source: learn.microsoft.com, Teams "Bot messages with AI-generated content".
/// </summary>
public sealed record CitationEntity(IReadOnlyList<Claim> Citation)
{
    public string Type { get; init; } = "https://schema.org/Message";

    [JsonPropertyName("@type")]
    public string SchemaType { get; init; } = "Message";

    [JsonPropertyName("@context")]
    public string Context { get; init; } = "https://schema.org";

    [JsonPropertyName("@id")]
    public string Id { get; init; } = "";
}

/// <param name="Position">The [n] marker in the text (Teams).</param>
public sealed record Claim(int Position, ClaimAppearance Appearance)
{
    [JsonPropertyName("@type")]
    public string SchemaType { get; init; } = "Claim";

    /// <summary>"cite:n": what a Markdown reference definition <c>[n]: cite:n "…"</c> points to (Web Chat).</summary>
    [JsonPropertyName("@id")]
    public string? Id { get; init; }

    /// <summary>The full verbatim quote, shown by Web Chat when the reference is opened.</summary>
    public string? Text { get; init; }
}

/// <param name="Abstract">At most 160 characters (Teams' limit).</param>
/// <param name="Text">
/// Markdown that Web Chat shows when a reference without <paramref name="Url"/> is opened: it has no
/// other content for its dialog, and throws (blanking the whole chat) when this is missing.
/// </param>
public sealed record ClaimAppearance(string Name, string? Url, string Abstract, string Text)
{
    [JsonPropertyName("@type")]
    public string SchemaType { get; init; } = "DigitalDocument";

    /// <summary>The source's language (schema.org <c>inLanguage</c>, BCP 47).</summary>
    public string? InLanguage { get; init; }
}
