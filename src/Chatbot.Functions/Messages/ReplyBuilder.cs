using System.Text.Json.Serialization;
using Chatbot.BotFramework.Schema;
using Chatbot.Core.Conversation;

namespace Chatbot.Functions.Messages;

/// <summary>Turns the engine's result into a reply activity: text with [n] markers, citations, buttons, channelData.</summary>
public static class ReplyBuilder
{
    private const int AbstractLength = 160;

    /// <summary>A reply to <paramref name="incoming"/>: from/recipient swapped, same conversation, replyToId set.</summary>
    public static Activity Reply(Activity incoming, string text, string? locale, TimeProvider time) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = time.GetUtcNow(),
        ServiceUrl = incoming.ServiceUrl,
        ChannelId = incoming.ChannelId,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Id,
        Locale = locale ?? incoming.Locale,
        TextFormat = "markdown",
        Text = text,
        InputHint = InputHints.AcceptingInput,
    };

    public static Activity Answer(Activity incoming, TurnResult result, TimeProvider time)
    {
        var reply = Reply(incoming, WithReferences(incoming.ChannelId, result), Locale(incoming.Locale, result.Language), time);
        return reply with
        {
            InputHint = result.SuggestedActions.Count > 0 ? InputHints.ExpectingInput : InputHints.AcceptingInput,
            SuggestedActions = result.SuggestedActions.Count == 0 ? null
                : new SuggestedActions([.. result.SuggestedActions.Select(s => new CardAction("imBack", s, s))]),
            Entities = result.Citations.Count == 0 ? null : [Citations(result, incoming.Id)],
            ChannelData = RawJson.From(
                new ChatbotChannelData(result) { FeedbackLoopEnabled = Review.TeamsFeedback.Offered(incoming.ChannelId, result) },
                ReplyJson.Default.ChatbotChannelData),
        };
    }

    /// <summary>
    /// Web Chat renders a citation from a Markdown reference definition ("[1]: cite:1 \"Title\"")
    /// matching a Claim's @id; Teams uses the claim's position and does not need them.
    /// </summary>
    private static string WithReferences(string? channelId, TurnResult result)
    {
        if (result.Citations.Count == 0 || channelId == "msteams") return result.Text;
        var definitions = result.Citations.Select((c, i) => $"[{i + 1}]: cite:{i + 1} \"{Name(c).Replace("\"", "'", StringComparison.Ordinal)}\"");
        return result.Text + "\n\n" + string.Join("\n", definitions);
    }

    private static string Name(Core.Knowledge.Citation c) => c.Publisher is null ? c.Title : $"{c.Title} — {c.Publisher}";

    private static RawJson Citations(TurnResult result, string? answering)
    {
        var claims = result.Citations.Select((c, i) => new Claim(i + 1, new ClaimAppearance(
            Name(c),
            c.Url,
            c.Quote.Length <= AbstractLength ? c.Quote : c.Quote[..(AbstractLength - 1)] + "…",
            OpenedText(c)) { InLanguage = c.Language }) { Id = $"cite:{i + 1}", Text = c.Quote });
        return RawJson.From(
            new CitationEntity([.. claims]) { PotentialAction = Review.AnswerFeedback.Actions(answering) },
            BotJson.Default.CitationEntity);
    }

    /// <summary>What an opened reference shows: the whole quote, verbatim, as a Markdown block quote.</summary>
    private static string OpenedText(Core.Knowledge.Citation c) =>
        "> " + c.Quote.ReplaceLineEndings("\n> ");

    /// <summary>The channel's locale when it is the reply's language ("fr-FR"), else the language code.</summary>
    private static string? Locale(string? incoming, string language) =>
        language == "other" ? incoming
        : incoming is { Length: >= 2 } && incoming.StartsWith(language, StringComparison.OrdinalIgnoreCase) ? incoming
        : language;
}

/// <summary><c>channelData.chatbot</c>: the engine's whole result, for Web Chat and the staff console.</summary>
public sealed record ChatbotChannelData(TurnResult Chatbot)
{
    /// <summary>Teams shows its thumbs under an answer that quotes the documents (<see cref="Review.TeamsFeedback"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? FeedbackLoopEnabled { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ChatbotChannelData))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(HealthBody))]
public sealed partial class ReplyJson : JsonSerializerContext;

public sealed record HealthBody(string Status, string ContentVersion);
