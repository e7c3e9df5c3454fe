using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Chatbot.BotFramework.Schema;

/// <summary>
/// A free-form JSON value of an activity (<c>channelData</c>, an entity): as read from a channel, or
/// written once by the bot as UTF-8 and copied as it is into every activity that carries it. A
/// <see cref="JsonElement"/> built for a reply cost 16–23 µs a turn (made, then written again,
/// re-checking every accented letter of the quotes); written once, 3 µs (ReplyBenchmarks).
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson
{
    private readonly byte[]? utf8;
    private JsonElement? element;

    private RawJson(byte[]? utf8, JsonElement? element) => (this.utf8, this.element) = (utf8, element);

    /// <summary>The bot's own value, written now with the generated serializer.</summary>
    public static RawJson From<T>(T value, JsonTypeInfo<T> type) => new(BotJson.ToUtf8(value, type), null);

    /// <summary>A channel's value, as read: <c>ParseValue</c> already gives an element that owns its copy.</summary>
    internal static RawJson Read(ref Utf8JsonReader reader) => new(null, JsonElement.ParseValue(ref reader));

    /// <summary>The value to read (parsed on first use when the bot wrote it).</summary>
    public JsonElement Element => element ??= Parse(utf8!);

    internal void WriteTo(Utf8JsonWriter writer)
    {
        // Our own writer produced these bytes: valid JSON, escaped as every reply is.
        if (utf8 is not null) writer.WriteRawValue(utf8, skipInputValidation: true);
        else element!.Value.WriteTo(writer);
    }

    public override string ToString() => utf8 is not null ? System.Text.Encoding.UTF8.GetString(utf8) : element!.Value.GetRawText();

    private static JsonElement Parse(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }
}

/// <summary>Public: the serializer contexts of other assemblies (Direct Line) name it.</summary>
public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RawJson.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) => value.WriteTo(writer);
}
