using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.Functions.State;

/// <summary>An activity a conversation answered, and the reply sent (as JSON): a retry of it gets that reply.</summary>
/// <param name="Reply">
/// Null when the store keeps the reply apart from the state and reads it only for a retry (SQLite: a
/// row of its own, so a turn writes its one reply, not the last sixteen again).
/// </param>
public sealed record AnsweredActivity(string Id, string? Reply)
{
    /// <summary>
    /// The channel's own id for the reply, once sent (its <c>ResourceResponse</c>): Teams names the answer a
    /// patient rates by it (docs/decisions/022). Null for channels that do not need it, and before sending.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Delivered { get; init; }
}

/// <summary>
/// The last activities a conversation answered, saved with its state in the same write, so a channel
/// retrying an activity after a lost reply gets the same reply again and the turn is not run twice
/// (no second escalation, notice or transcript line). Kept as long as the state (its retention).
/// </summary>
public static class AnsweredActivities
{
    /// <summary>Channels retry within seconds: the last few turns are enough, and keep the state small.</summary>
    public const int Kept = 16;

    public static IReadOnlyList<AnsweredActivity> With(
        IReadOnlyList<AnsweredActivity> answered, AnsweredActivity next) =>
        [.. answered.TakeLast(Kept - 1), next];

    /// <summary>The activity when the conversation answered it lately (its reply may be kept apart).</summary>
    public static AnsweredActivity? Get(IReadOnlyList<AnsweredActivity> answered, string? activityId) =>
        activityId is { Length: > 0 } ? answered.LastOrDefault(a => a.Id == activityId) : null;

    public static string? Find(IReadOnlyList<AnsweredActivity> answered, string? activityId) =>
        Get(answered, activityId)?.Reply;

    /// <summary>The activity whose reply the channel calls <paramref name="deliveredId"/>, if it is kept.</summary>
    public static string? AnsweredBy(IReadOnlyList<AnsweredActivity> answered, string? deliveredId) =>
        deliveredId is { Length: > 0 } ? answered.LastOrDefault(a => a.Delivered == deliveredId)?.Id : null;

    /// <summary>The same, <paramref name="activityId"/>'s with its reply's channel id; null if it is gone.</summary>
    public static IReadOnlyList<AnsweredActivity>? WithDelivered(
        IReadOnlyList<AnsweredActivity> answered, string activityId, string deliveredId) =>
        Get(answered, activityId) is { } found
            ? [.. answered.Select(a => ReferenceEquals(a, found) ? a with { Delivered = deliveredId } : a)]
            : null;

    public static string Write(IReadOnlyList<AnsweredActivity> answered) =>
        JsonSerializer.Serialize(answered, AnsweredJson.Default.IReadOnlyListAnsweredActivity);

    /// <summary>None for a state saved before they were kept.</summary>
    public static IReadOnlyList<AnsweredActivity> Read(string? json) =>
        json is { Length: > 0 }
            ? JsonSerializer.Deserialize(json, AnsweredJson.Default.IReadOnlyListAnsweredActivity) ?? []
            : [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<AnsweredActivity>))]
public sealed partial class AnsweredJson : JsonSerializerContext;
