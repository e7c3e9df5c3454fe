using Chatbot.Core.Conversation;
using Chatbot.Functions.Escalations;

namespace Chatbot.Functions.State;

/// <summary>A conversation's state and the version it was read at (for optimistic concurrency).</summary>
public readonly record struct StoredState(ConversationState State, long Version);

/// <summary>
/// Where conversation state lives between turns. A save succeeds only if nobody saved since the
/// load (same version): two concurrent turns of one conversation never lose an update.
/// </summary>
public interface IConversationStore
{
    /// <summary>The stored state, or a new one at version 0.</summary>
    Task<StoredState> LoadAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>
    /// False when the state changed since <paramref name="expectedVersion"/> was read. An escalation
    /// opened by the turn is stored with the state, with its notifications, or not at all.
    /// </summary>
    Task<bool> TrySaveAsync(string conversationKey, ConversationState state, long expectedVersion, EscalationWrite? escalation, CancellationToken cancellationToken);
}
