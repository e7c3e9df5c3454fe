using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.BotFramework.Schema;

/// <summary>
/// A Bot Framework Activity (the fields this bot reads or writes). Unknown properties are
/// tolerated on input and dropped; see https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? Text { get; init; }

    public string? InputHint { get; init; }

    public string? ReplyToId { get; init; }

    public string? DeliveryMode { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<JsonElement>? Attachments { get; init; }

    public IReadOnlyList<RawJson>? Entities { get; init; }

    public RawJson? ChannelData { get; init; }

    public JsonElement? Value { get; init; }
}

public sealed record ChannelAccount(string? Id, string? Name = null)
{
    public string? Role { get; init; }

    public string? AadObjectId { get; init; }
}

public sealed record ConversationAccount(string? Id, string? Name = null)
{
    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }
}

public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions)
{
    public IReadOnlyList<string>? To { get; init; }
}

public sealed record CardAction(string Type, string Title, string Value);

/// <summary>The reply to <c>deliveryMode: expectReplies</c>: the activities in the HTTP body.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>What a channel answers to a sent activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>An invoke's answer: a status and an optional body.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string EndOfConversation = "endOfConversation";
}

public static class DeliveryModes
{
    public const string ExpectReplies = "expectReplies";
}

public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(CitationEntity))]
public sealed partial class BotJson : JsonSerializerContext
{
    /// <summary>
    /// Non-ASCII letters written as they are ("é", not "\u00E9"): French and Italian replies are a
    /// third smaller. Activities are JSON for channels, never inlined in HTML.
    /// </summary>
    private static readonly JsonWriterOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 64,
    };

    /// <summary>
    /// Writes <paramref name="value"/> as UTF-8 through the generated serializer. The encoder is the
    /// writer's, not the options': options with another encoder than the generated ones would lose
    /// the generated fast path (ReplyBenchmarks measured the difference).
    /// </summary>
    public static void Write<T>(System.Buffers.IBufferWriter<byte> output, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var writer = new Utf8JsonWriter(output, Relaxed);
        JsonSerializer.Serialize(writer, value, type);
    }

    /// <summary>As <see cref="Write{T}"/>, into a new array of the exact size (a reply's channelData, a request body).</summary>
    public static byte[] ToUtf8<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        // One growing buffer per thread: a reply's channelData would otherwise grow a new one 1 → 2 → 4 KB each turn.
        var output = scratch ??= new System.Buffers.ArrayBufferWriter<byte>(4096);
        output.ResetWrittenCount();
        Write(output, value, type);
        return output.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? scratch;
}
