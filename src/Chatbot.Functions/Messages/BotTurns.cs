using System.Text.Json;
using Chatbot.BotFramework.Schema;
using Chatbot.Core.Content;
using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Dashboard;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.Review;
using Chatbot.Functions.State;
using Chatbot.Functions.Telemetry;

namespace Chatbot.Functions.Messages;

/// <summary>
/// Routes an activity by type to a handler of one shape, and finishes the turn inside the request:
/// on a serverless plan, work after the response is not protected.
/// </summary>
public sealed partial class BotTurns(
    Assistant assistant, IConversationStore store, DispatcherService dispatcher, ReviewLoop review, AnswerFeedback feedback,
    TeamsFeedback teamsFeedback, TimeProvider time, ILogger<BotTurns> logger, Pseudonyms pseudonyms,
    ActivityLog dashboard)
{
    /// <summary>Longer messages are cut before the engine: nobody types a page into a chat window.</summary>
    public const int MaxTextLength = 4_000;
    private const int MaxAttempts = 10;
    private readonly ConversationTurnOrder order = new();

    /// <summary>The replies to send; empty for activities the bot accepts and ignores, and for invokes.</summary>
    public Task<IReadOnlyList<Activity>> OnActivityAsync(Activity activity, CancellationToken cancellationToken) => activity.Type switch
    {
        ActivityTypes.Message => OnMessageAsync(activity, cancellationToken),
        ActivityTypes.ConversationUpdate => Task.FromResult(OnConversationUpdate(activity)),
        ActivityTypes.Event when AnswerFeedback.IsFeedback(activity) => feedback.OnFeedbackAsync(activity, cancellationToken),
        ActivityTypes.Invoke when TeamsFeedback.IsFeedback(activity) => teamsFeedback.OnFeedbackAsync(activity, cancellationToken),
        _ => Task.FromResult<IReadOnlyList<Activity>>([]),
    };

    private async Task<IReadOnlyList<Activity>> OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var span = ChatbotTelemetry.StartTurn(pseudonyms, ConversationReference.KeyOf(activity.ChannelId, activity.Conversation?.Id));
        try
        {
            return await TurnAsync(activity, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            ChatbotTelemetry.TurnFailed(span, e);
            // Nothing was saved and nobody was told: say so, in the patient's language, with the emergency numbers.
            Log.StorageUnavailable(logger, e.GetType().Name);
            var language = assistant.Reply(ConversationState.New, activity.Text, activity.Locale).Result.Language;
            var text = assistant.Content.Reply(ChatContent.SupportedLanguages.Contains(language) ? language : "fr", ReplyKeys.TechnicalProblem);
            return [ReplyBuilder.Reply(activity, text, activity.Locale, time)];
        }
    }

    private async Task<IReadOnlyList<Activity>> TurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        var key = ConversationReference.KeyOf(activity.ChannelId, activity.Conversation?.Id);
        var text = activity.Text is { Length: > MaxTextLength } tooLong ? tooLong[..MaxTextLength] : activity.Text;
        using var inTurn = await order.EnterAsync(key, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await store.LoadAsync(key, cancellationToken);
            // A channel's retry of an activity already answered (its reply was lost): the same reply, nothing redone.
            if (await store.ReplySentAsync(key, stored, activity.Id, cancellationToken) is { } sent)
            {
                Log.RetryAnsweredAgain(logger);
                return [JsonSerializer.Deserialize(sent, BotJson.Default.Activity)!];
            }
            var turn = assistant.Reply(stored.State, text, activity.Locale, EscalationRecord.NewId());
            var now = time.GetUtcNow();
            EscalationWrite? write = turn.Result.Escalation switch
            {
                EscalationCreated => new EscalationOpened(Notices.Open(activity, turn.Result, turn.State, now)),
                AddedToEscalation { Id: { } id } added => new MessageRelayed(id, added.Line, now),
                CallbackGiven { Id: { } id } given => new ContactGiven(id, given.Contact, now),
                ErasureAsked { Id: { } id } => new PatientForgotten(id, now),
                _ => null,
            };
            var reply = ReplyBuilder.Answer(activity, turn.Result, time);
            // Forgotten: the replies kept for the channel's retries go too, but this one.
            var kept = turn.Decision is SelfService { Command: SelfServiceCommands.Forgotten } ? [] : stored.Answered;
            var answered = activity.Id is { Length: > 0 } activityId
                ? AnsweredActivities.With(
                    kept, new(activityId, JsonSerializer.Serialize(reply, BotJson.Default.Activity)))
                : kept;
            if (await store.TrySaveAsync(key, turn.State, answered, stored.Version, write, cancellationToken))
            {
                Log.TurnCompleted(logger, turn.Result.Action, turn.Result.Topic, turn.Result.Language, attempt);
                ChatbotTelemetry.TurnCompleted(turn.Result, (write as EscalationOpened)?.Record.Reason);
                if (write is not null) dispatcher.Wake();
                if (write is EscalationOpened opened) Log.EscalationOpened(logger, opened.Record.Id, opened.Record.Reason);
                await dashboard.TurnAsync(key, turn, (write as EscalationOpened)?.Record.Reason, now, cancellationToken);
                if (turn.Decision is SelfService { Command: SelfServiceCommands.Forgotten })
                    await review.ForgetAsync(key, cancellationToken);
                else await review.KeepAsync(key, text, turn, now, cancellationToken);
                return [reply];
            }
            // Another turn of this conversation saved first: redo this one on its state.
            await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
        }
        throw new InvalidOperationException($"conversation state kept changing for {MaxAttempts} attempts");
    }

    /// <summary>A welcome when someone other than the bot joins (the Emulator and Web Chat add the user).</summary>
    private IReadOnlyList<Activity> OnConversationUpdate(Activity activity)
    {
        var joined = activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) ?? false;
        return joined ? [ReplyBuilder.Reply(activity, assistant.Welcome(activity.Locale), null, time)] : [];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "Conversation store unreachable ({Error}): the patient was told to try again")]
        public static partial void StorageUnavailable(ILogger logger, string error);

        [LoggerMessage(EventId = 1207, Level = LogLevel.Information,
            Message = "A retried activity got its reply again: the turn was not run twice")]
        public static partial void RetryAnsweredAgain(ILogger logger);

        [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Escalation {Id} opened: {Reason}")]
        public static partial void EscalationOpened(ILogger logger, string id, string reason);

        [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Turn: {Action} {Topic} ({Language}), saved at attempt {Attempt}")]
        public static partial void TurnCompleted(ILogger logger, string action, string topic, string language, int attempt);
    }
}
