using System.Text.Json;
using Chatbot.BotFramework.Schema;
using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;
using Chatbot.Core.Review;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Review;

/// <summary>
/// Thumbs up and down on an answer. Web Chat posts an <c>event</c> <c>webchat:activity-status/feedback</c>
/// carrying the action the answer offered (<see cref="Actions"/>); its <c>@id</c> names the patient activity the
/// answer replied to, which this conversation's state remembers with its reply (<see cref="AnsweredActivities"/>).
/// Anything else — an unknown or another conversation's id, no answer yet, an answer older than the last
/// 16 — is answered 200 like any event and nothing is stored (docs/decisions/020): the patient's
/// chat never shows an error for a rating.
/// </summary>
public sealed partial class AnswerFeedback(
    IConversationStore conversations, IReviewStore reviews, ReviewLoop review, TimeProvider time, ILogger<AnswerFeedback> logger)
{
    public const string EventName = "webchat:activity-status/feedback";
    private const string Up = "feedback:up:";
    private const string Down = "feedback:down:";

    /// <summary>The thumbs for the answer to patient activity <paramref name="answering"/>; none without an id.</summary>
    public static IReadOnlyList<FeedbackAction>? Actions(string? answering) =>
        answering is { Length: > 0 } ? [new("LikeAction", Up + answering), new("DislikeAction", Down + answering)] : null;

    public static bool IsFeedback(Activity activity) => activity.Type == ActivityTypes.Event && activity.Name == EventName;

    public async Task<IReadOnlyList<Activity>> OnFeedbackAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Rating(activity) is not var (helpful, answered))
        {
            Log.Ignored(logger, "no feedback action");
            return [];
        }
        await RateAsync(activity, helpful, (_, _) => Task.FromResult<string?>(answered), cancellationToken);
        return [];
    }

    /// <summary>
    /// Keeps a rating of the answer to the patient activity <paramref name="answeredOf"/> names (from the
    /// stored state): against its snippet ids, and a thumbs-down for review. Web Chat's thumbs and Teams'
    /// (<see cref="TeamsFeedback"/>) both come here; what names no answer of this conversation is ignored.
    /// </summary>
    public async Task RateAsync(
        Activity activity, bool helpful, Func<StoredState, CancellationToken, Task<string?>> answeredOf,
        CancellationToken cancellationToken)
    {
        var key = ConversationReference.KeyOf(activity.ChannelId, activity.Conversation?.Id);
        try
        {
            var stored = await conversations.LoadAsync(key, cancellationToken);
            var answered = await answeredOf(stored, cancellationToken);
            var reply = answered is null ? null : await conversations.ReplySentAsync(key, stored, answered, cancellationToken);
            if (reply is null || Read(reply) is not var (answer, botLine))
            {
                Log.Ignored(logger, "no answer of this conversation has that id");
                return;
            }
            var now = time.GetUtcNow();
            await reviews.RateAsync(new AnswerRating(key, answered!, helpful, answer.SnippetIds, now), cancellationToken);
            if (!helpful)
            {
                var question = ReviewRules.QuestionOf(stored.State.Transcript, botLine);
                await review.AddAsync(ReviewRules.ThumbsDown(answer, key, question, ReviewEntry.NewId(), now), cancellationToken);
            }
            Log.Rated(logger, helpful ? "up" : "down", answer.Topic);
        }
        catch (Exception e) when (StorageFailure.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            Log.StoreFailed(logger, e.GetType().Name);
        }
    }

    /// <summary>(true, id) for a thumb up on the answer to activity id, (false, id) down; null for anything else.</summary>
    private static (bool Helpful, string Answered)? Rating(Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Element is not { ValueKind: JsonValueKind.Object } action
                || !action.TryGetProperty("@id", out var id) || id.ValueKind != JsonValueKind.String) continue;
            var value = id.GetString()!;
            if (value.StartsWith(Up, StringComparison.Ordinal) && value.Length > Up.Length) return (true, value[Up.Length..]);
            if (value.StartsWith(Down, StringComparison.Ordinal) && value.Length > Down.Length) return (false, value[Down.Length..]);
        }
        return null;
    }

    /// <summary>What the stored reply said it was (its <c>channelData.chatbot</c>), and its line in the transcript.</summary>
    private static (RatedAnswer Answer, string BotLine)? Read(string replyJson)
    {
        var reply = JsonSerializer.Deserialize(replyJson, BotJson.Default.Activity);
        if (reply?.ChannelData?.Element is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("chatbot", out var chatbot) || chatbot.ValueKind != JsonValueKind.Object) return null;
        var snippets = chatbot.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("snippetId").GetString()!).ToList();
        var answer = new RatedAnswer(
            chatbot.GetProperty("language").GetString()!, chatbot.GetProperty("topic").GetString()!,
            chatbot.GetProperty("confidence").GetDouble(), chatbot.GetProperty("procedure").GetString(), snippets);
        var botLine = Transcripts.BotLine(new TurnResult(
            answer.Topic, answer.Confidence, answer.Language, answer.Procedure, chatbot.GetProperty("action").GetString()!,
            chatbot.GetProperty("text").GetString()!, [], null, []));
        return (answer, botLine);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1603, Level = LogLevel.Information, Message = "Answer rated {Rating} ({Topic})")]
        public static partial void Rated(ILogger logger, string rating, string topic);

        [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "Feedback ignored, nothing stored: {Why}")]
        public static partial void Ignored(ILogger logger, string why);

        [LoggerMessage(EventId = 1605, Level = LogLevel.Warning, Message = "Feedback not stored: the store failed ({Error})")]
        public static partial void StoreFailed(ILogger logger, string error);
    }
}
