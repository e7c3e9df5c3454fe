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
            return new StoredState(saved.State, saved.Version.ToString(CultureInfo.InvariantCulture))
            {
                Answered = AnsweredActivities.Read(saved.Answered),
            };
        }
        await using var connection = database.Open();
        await using var command = connection.Command(
            "SELECT state, version, updated_at, answered FROM conversation_state WHERE conversation = $c", null,
            ("$c", conversationKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new StoredState(ConversationState.New, null);
        var version = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
        // Past retention the conversation starts afresh, even before the purge deletes the row.
        if (Expired(DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture))) return new StoredState(ConversationState.New, version);
        var state = JsonSerializer.Deserialize(reader.GetString(0), ChatbotJson.Default.ConversationState) ?? ConversationState.New;
        var answered = AnsweredActivities.Read(reader.IsDBNull(3) ? null : reader.GetString(3));
        return new StoredState(state, version) { Answered = answered };
    }

    public async Task<bool> TrySaveAsync(
        string conversationKey, ConversationState state, IReadOnlyList<AnsweredActivity> answered,
        string? expectedVersion, EscalationWrite? escalation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        long? expected = expectedVersion is null ? null : long.Parse(expectedVersion, CultureInfo.InvariantCulture);
        // Serialised here, by the turn: the committer is one thread that every write waits for.
        var json = JsonSerializer.Serialize(state, ChatbotJson.Default.ConversationState);
        var replies = AnsweredActivities.Write(answered);
        var saved = false;
        try
        {
            saved = await database.WriteAsync(async (connection, transaction) =>
            {
                var sql = expected is null
                    ? "INSERT INTO conversation_state (conversation, state, version, updated_at, answered) " +
                      "VALUES ($c, $s, 1, $t, $a) ON CONFLICT (conversation) DO NOTHING"
                    : "UPDATE conversation_state SET state = $s, version = version + 1, updated_at = $t, " +
                      "answered = $a " +
                      "WHERE conversation = $c AND version = $v";
                await using var command = connection.Command(sql, transaction,
                    ("$c", conversationKey), ("$s", json), ("$a", replies),
                    ("$t", now.ToString("O")), ("$v", expected));
                if (await command.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
                // The escalation and its notifications commit with the turn, or not at all.
                if (escalation is not null) await escalations.WriteAsync(connection, transaction, conversationKey, escalation, cancellationToken);
                return true;
            }, committed: ok =>
            {
                if (ok) recent.Remember(conversationKey, state, (expected ?? 0) + 1, now, replies);
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
