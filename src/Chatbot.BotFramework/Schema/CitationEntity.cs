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

    /// <summary>Thumbs up and down under the answer (Web Chat 4.18's feedback actions); null: none.</summary>
    public IReadOnlyList<FeedbackAction>? PotentialAction { get; init; }
}

/// <summary>
/// A schema.org <c>LikeAction</c> or <c>DislikeAction</c>. Web Chat shows one thumb for each and, when the
/// patient presses one, posts an <c>event</c> named <c>webchat:activity-status/feedback</c> whose only entity is
/// this action as sent: its <c>@id</c> is how the bot knows which answer was rated.
/// </summary>
public sealed record FeedbackAction(
    [property: JsonPropertyName("@type")] string SchemaType,
    [property: JsonPropertyName("@id")] string Id);

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
