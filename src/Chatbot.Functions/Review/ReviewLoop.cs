using Chatbot.Core.Conversation;
using Chatbot.Core.Review;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Review;

/// <summary>
/// Keeps, after a turn is saved, what the editors should see again (<see cref="ReviewRules"/>). The
/// patient's answer never waits on it: when the store refuses, the entry is lost and the event logged.
/// </summary>
public sealed partial class ReviewLoop(IReviewStore store, ILogger<ReviewLoop> logger)
{
    public async Task KeepAsync(
        string conversation, string? question, Turn turn, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (ReviewRules.Keep(turn, conversation, question, ReviewEntry.NewId(), at) is not { } entry) return;
        await AddAsync(entry, cancellationToken);
    }

    /// <summary>
    /// The patient asked to be forgotten: their questions kept for review go too. Called after the turn is
    /// saved; a store failure is logged, and the entries still go with retention.
    /// </summary>
    public async Task ForgetAsync(string conversation, CancellationToken cancellationToken)
    {
        try
        {
            await store.ForgetConversationAsync(conversation, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            Log.NotForgotten(logger, e.GetType().Name);
        }
    }

    /// <summary>An entry from elsewhere than a turn (a thumbs-down), with the same care.</summary>
    public async Task AddAsync(ReviewEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await store.AddAsync(entry, cancellationToken);
            Log.Kept(logger, entry.Reason, entry.Topic, entry.Language);
        }
        catch (Exception e) when (StorageFailure.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            Log.NotKept(logger, entry.Reason, e.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Kept for review: {Reason} {Topic} ({Language})")]
        public static partial void Kept(ILogger logger, string reason, string topic, string language);

        [LoggerMessage(EventId = 1602, Level = LogLevel.Warning,
            Message = "A question for review ({Reason}) was not kept: the store failed ({Error}); the patient was answered")]
        public static partial void NotKept(ILogger logger, string reason, string error);

        [LoggerMessage(EventId = 1606, Level = LogLevel.Warning,
            Message = "Questions kept for review were not erased for a patient who asked: the store failed ({Error})")]
        public static partial void NotForgotten(ILogger logger, string error);
    }
}
