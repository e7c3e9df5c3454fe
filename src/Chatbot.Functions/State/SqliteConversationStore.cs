using System.Globalization;
using System.Text.Json;
using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State;

/// <summary>Conversation state in SQLite: one row per conversation, a version per row.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database, SqliteEscalationStore escalations, RecentStates recent, IOptions<StateOptions> options, TimeProvider time) : IConversationStore
{
    public async Task<StoredState> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (recent.TryGet(conversationKey, out var saved) && !Expired(saved.UpdatedAt))
        {
            var remembered = saved.Version.ToString(CultureInfo.InvariantCulture);
            return new StoredState(saved.State, remembered) { Answered = saved.Answered };
        }
        await using var connection = database.Open();
        await using var command = connection.Command(
            "SELECT state, version, updated_at FROM conversation_state WHERE conversation = $c", null,
            ("$c", conversationKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new StoredState(ConversationState.New, null);
        var version = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
        // Past retention the conversation starts afresh, even before the purge deletes the row.
        if (Expired(DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture))) return new StoredState(ConversationState.New, version);
        var state = JsonSerializer.Deserialize(reader.GetString(0), ChatbotJson.Default.ConversationState) ?? ConversationState.New;
        var answered = await SqliteAnsweredActivities.IdsAsync(connection, conversationKey, cancellationToken);
        return new StoredState(state, version) { Answered = answered };
    }

    /// <summary>Read from the file, and only when the activity is one the conversation answered: a retry.</summary>
    public async Task<string?> ReplySentAsync(
        string conversationKey, StoredState stored, string? activityId, CancellationToken cancellationToken)
    {
        if (AnsweredActivities.Get(stored.Answered, activityId) is not { } answered) return null;
        if (answered.Reply is not null) return answered.Reply;
        await using var connection = database.Open();
        return await SqliteAnsweredActivities.ReplyAsync(connection, conversationKey, answered.Id, cancellationToken);
    }

    /// <summary>On the reply's own row: the state and its version are not written again.</summary>
    public Task RememberDeliveredAsync(
        string conversationKey, string activityId, string deliveredId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => SqliteAnsweredActivities.RememberDeliveredAsync(
            connection, transaction, conversationKey, activityId, deliveredId, cancellationToken), cancellationToken);

    /// <summary>From the file: the state kept in memory does not know the channel's ids.</summary>
    public async Task<string?> AnsweredByAsync(
        string conversationKey, StoredState stored, string? deliveredId, CancellationToken cancellationToken)
    {
        if (deliveredId is not { Length: > 0 }) return null;
        await using var connection = database.Open();
        return await SqliteAnsweredActivities.AnsweredByAsync(connection, conversationKey, deliveredId, cancellationToken);
    }

    public async Task<bool> TrySaveAsync(
        string conversationKey, ConversationState state, IReadOnlyList<AnsweredActivity> answered,
        string? expectedVersion, EscalationWrite? escalation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        long? expected = expectedVersion is null ? null : long.Parse(expectedVersion, CultureInfo.InvariantCulture);
        // Serialised here, by the turn: the committer is one thread that every write waits for.
        var json = JsonSerializer.Serialize(state, ChatbotJson.Default.ConversationState);
        var saved = false;
        try
        {
            saved = await database.WriteAsync(async (connection, transaction) =>
            {
                var sql = expected is null
                    ? "INSERT INTO conversation_state (conversation, state, version, updated_at) " +
                      "VALUES ($c, $s, 1, $t) ON CONFLICT (conversation) DO NOTHING"
                    : "UPDATE conversation_state SET state = $s, version = version + 1, updated_at = $t " +
                      "WHERE conversation = $c AND version = $v";
                await using var command = connection.Command(sql, transaction,
                    ("$c", conversationKey), ("$s", json), ("$t", now.ToString("O")), ("$v", expected));
                if (await command.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
                await SqliteAnsweredActivities.SaveAsync(
                    connection, transaction, conversationKey, answered, cancellationToken);
                // The escalation and its notifications commit with the turn, or not at all.
                if (escalation is not null) await escalations.WriteAsync(connection, transaction, conversationKey, escalation, cancellationToken);
                return true;
            }, committed: ok =>
            {
                if (ok) recent.Remember(conversationKey, state, (expected ?? 0) + 1, now, answered);
            }, cancellationToken);
            return saved;
        }
        finally
        {
            // The turn will read again: from the file, in case memory is what was stale. Forgetting
            // can only cost a read, whenever it happens; remembering is done in commit order above.
            if (!saved) recent.Forget(conversationKey);
        }
    }

    private bool Expired(DateTimeOffset updatedAt) => updatedAt + options.Value.Retention.Conversations < time.GetUtcNow();
}
