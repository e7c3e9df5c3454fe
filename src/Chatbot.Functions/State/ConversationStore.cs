using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;

namespace Chatbot.Functions.State;

/// <summary>
/// A conversation's state and the version it was read at (for optimistic concurrency): a row
/// version in SQLite, an ETag in Table Storage; null when the conversation was never saved.
/// </summary>
public readonly record struct StoredState(ConversationState State, string? Version)
{
    /// <summary>The activities answered last, with their replies (<see cref="AnsweredActivities"/>).</summary>
    public IReadOnlyList<AnsweredActivity> Answered { get; init; } = [];
}

/// <summary>
/// Where conversation state lives between turns. A save succeeds only if nobody saved since the
/// load (same version): two concurrent turns of one conversation never lose an update.
/// </summary>
public interface IConversationStore
{
    /// <summary>The stored state; a new one when there is none or it expired (retention).</summary>
    Task<StoredState> LoadAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>The reply sent to <paramref name="activityId"/> if the conversation answered it lately.</summary>
    Task<string?> ReplySentAsync(
        string conversationKey, StoredState stored, string? activityId, CancellationToken cancellationToken) =>
        Task.FromResult(AnsweredActivities.Find(stored.Answered, activityId));

    /// <summary>
    /// Remembers the channel's id for the reply sent to <paramref name="activityId"/> (after sending: the
    /// channel gives it then). Nothing when the activity is no longer among the last answered. This default
    /// saves the state again, under the same version check as a turn (a turn that raced it redoes itself).
    /// </summary>
    async Task RememberDeliveredAsync(
        string conversationKey, string activityId, string deliveredId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var stored = await LoadAsync(conversationKey, cancellationToken);
            if (AnsweredActivities.WithDelivered(stored.Answered, activityId, deliveredId) is not { } answered) return;
            if (await TrySaveAsync(conversationKey, stored.State, answered, stored.Version, null, cancellationToken))
                return;
        }
    }

    /// <summary>The activity whose reply the channel calls <paramref name="deliveredId"/>, if it is kept.</summary>
    Task<string?> AnsweredByAsync(
        string conversationKey, StoredState stored, string? deliveredId, CancellationToken cancellationToken) =>
        Task.FromResult(AnsweredActivities.AnsweredBy(stored.Answered, deliveredId));

    /// <summary>
    /// False when the state changed since <paramref name="expectedVersion"/> was read. An escalation
    /// the turn opens or updates is stored, with its notifications, before the state — never after
    /// the patient has been told about it.
    /// </summary>
    Task<bool> TrySaveAsync(
        string conversationKey, ConversationState state, IReadOnlyList<AnsweredActivity> answered,
        string? expectedVersion, EscalationWrite? escalation, CancellationToken cancellationToken);

    /// <summary>A save that keeps no answered activities (a new conversation, a test).</summary>
    Task<bool> TrySaveAsync(
        string conversationKey, ConversationState state, string? expectedVersion, EscalationWrite? escalation,
        CancellationToken cancellationToken) =>
        TrySaveAsync(conversationKey, state, [], expectedVersion, escalation, cancellationToken);
}

/// <summary>Escalations, their audit trail, and the outbox of notifications to staff.</summary>
public interface IEscalationStore
{
    Task<EscalationRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="size"/> escalations of <paramref name="status"/> (any, if null) in staff order
    /// (<see cref="EscalationOrder"/>), from the key after <paramref name="after"/>: a query on an index, not a scan.
    /// </summary>
    Task<EscalationPage> ListAsync(string? status, string? after, int size, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a staff action (one of <see cref="EscalationRecord"/>'s transitions); null if the escalation is
    /// unknown. A transition its status refuses throws <see cref="EscalationTransitionRefused"/>, nothing written.
    /// </summary>
    Task<EscalationRecord?> UpdateAsync(
        string id, Func<EscalationRecord, EscalationRecord> change, CancellationToken cancellationToken);

    /// <summary>Entries in <paramref name="status"/> (any if null) due by <paramref name="dueBy"/>, soonest first, at most 200.</summary>
    Task<IReadOnlyList<OutboxEntry>> OutboxAsync(string? status, DateTimeOffset? dueBy, CancellationToken cancellationToken);

    Task<OutboxEntry?> GetOutboxEntryAsync(string escalationId, string outboxId, CancellationToken cancellationToken);

    Task RecordDeliveryAsync(OutboxEntry entry, string status, int attempts, DateTimeOffset nextAttemptAt, string? error, CancellationToken cancellationToken);
}

/// <summary>What is kept, and for how long; and the right to be forgotten.</summary>
public interface IDataRetention
{
    /// <summary>
    /// Deletes conversation state past its retention and resolved escalations past theirs; review entries and
    /// answer ratings older than the conversations' retention (<see cref="IReviewStore"/>).
    /// </summary>
    Task<ErasureReport> PurgeExpiredAsync(CancellationToken cancellationToken);

    /// <summary>GDPR erasure: the conversation's state, its escalations and their notifications, its review entries and ratings.</summary>
    Task<ErasureReport> EraseConversationAsync(string conversationKey, CancellationToken cancellationToken);
}

/// <summary>How many records went (<paramref name="Reviews"/>: review entries and answer ratings).</summary>
public sealed record ErasureReport(int Conversations, int Escalations, int Notifications, int Reviews = 0)
{
    /// <summary>
    /// Rows of the activity dashboard, by retention only: they name no conversation, so erasing one finds none
    /// (left out of the answer then).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int Activity { get; init; }
}
