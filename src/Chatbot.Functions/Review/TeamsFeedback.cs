using System.Text.Json;
using Chatbot.BotFramework.Schema;
using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Review;

/// <summary>
/// Teams' own thumbs under an answer (its feedback loop, docs/decisions/022). An answer that quotes the
/// documents says <c>channelData.feedbackLoopEnabled</c>; a press comes back as the invoke
/// <c>message/submitAction</c>, value <c>{actionName: "feedback", actionValue: {reaction, feedback}}</c>, whose
/// <c>replyToId</c> is the id Teams gave the answer when it was sent — remembered then, beside the reply kept
/// for retries. Rated as Web Chat's thumbs are (<see cref="AnswerFeedback.RateAsync"/>). The free text
/// ("feedback") is patient text and is never read, kept or logged. Anything else: 200, nothing stored.
/// </summary>
public sealed partial class TeamsFeedback(
    IConversationStore conversations, AnswerFeedback feedback, ILogger<TeamsFeedback> logger)
{
    public const string Channel = "msteams";
    public const string InvokeName = "message/submitAction";

    /// <summary>True for an answer with quotes on Teams; null (not written) for any other reply.</summary>
    public static bool? Offered(string? channelId, TurnResult result) =>
        channelId == Channel && result.Citations.Count > 0 ? true : null;

    public static bool IsFeedback(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && activity.Name == InvokeName;

    /// <summary>After an answer with thumbs was sent: the id Teams gave it, which its feedback will name.</summary>
    public async Task DeliveredAsync(Activity reply, ResourceResponse? sent, CancellationToken cancellationToken)
    {
        if (reply.ChannelId != Channel || sent?.Id is not { Length: > 0 } delivered
            || reply.ReplyToId is not { Length: > 0 } answering || !Asked(reply)) return;
        try
        {
            var key = ConversationReference.KeyOf(reply.ChannelId, reply.Conversation?.Id);
            await conversations.RememberDeliveredAsync(key, answering, delivered, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            // The patient has the answer; only a rating of it will be ignored.
            Log.NotRemembered(logger, e.GetType().Name);
        }
    }

    public async Task<IReadOnlyList<Activity>> OnFeedbackAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Reaction(activity.Value) is not { } helpful)
        {
            Log.Ignored(logger, "not a like or dislike of Teams' feedback loop");
            return [];
        }
        var key = ConversationReference.KeyOf(activity.ChannelId, activity.Conversation?.Id);
        await feedback.RateAsync(activity, helpful,
            (stored, ct) => conversations.AnsweredByAsync(key, stored, activity.ReplyToId, ct), cancellationToken);
        return [];
    }

    private static bool Asked(Activity reply) =>
        reply.ChannelData?.Element is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("feedbackLoopEnabled", out var enabled) && enabled.ValueKind == JsonValueKind.True;

    /// <summary>like: true, dislike: false; null for anything else. <c>actionValue.feedback</c> is not read.</summary>
    private static bool? Reaction(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } submitted
            || !submitted.TryGetProperty("actionName", out var name) || name.ValueKind != JsonValueKind.String
            || name.GetString() != "feedback"
            || !submitted.TryGetProperty("actionValue", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("reaction", out var reaction) || reaction.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        return reaction.GetString() switch { "like" => true, "dislike" => false, _ => null };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1607, Level = LogLevel.Information,
            Message = "Teams feedback ignored, nothing stored: {Why}")]
        public static partial void Ignored(ILogger logger, string why);

        [LoggerMessage(EventId = 1608, Level = LogLevel.Warning,
            Message = "The id Teams gave an answer was not kept: the store failed ({Error}); its rating is lost")]
        public static partial void NotRemembered(ILogger logger, string error);
    }
}
