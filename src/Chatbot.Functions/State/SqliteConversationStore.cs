using System.Globalization;
using System.Text.Json;
using Chatbot.Core.Conversation;
using Chatbot.Functions.Escalations;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State;

/// <summary>Conversation state in SQLite: one row per conversation, a version per row.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database, SqliteEscalationStore escalations, IOptions<StateOptions> options, TimeProvider time) : IConversationStore
{
    public async Task<StoredState> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.Command("SELECT state, version, updated_at FROM conversation_state WHERE conversation = $c", null, ("$c", conversationKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new StoredState(ConversationState.New, null);
        var version = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
        // Past retention the conversation starts afresh, even before the purge deletes the row.
        var updated = DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
        if (updated + options.Value.Retention.Conversations < time.GetUtcNow()) return new StoredState(ConversationState.New, version);
        var state = JsonSerializer.Deserialize(reader.GetString(0), ChatbotJson.Default.ConversationState) ?? ConversationState.New;
        return new StoredState(state, version);
    }

    public Task<bool> TrySaveAsync(string conversationKey, ConversationState state, string? expectedVersion, EscalationWrite? escalation, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var sql = expectedVersion is null
                ? "INSERT INTO conversation_state (conversation, state, version, updated_at) VALUES ($c, $s, 1, $t) ON CONFLICT (conversation) DO NOTHING"
                : "UPDATE conversation_state SET state = $s, version = version + 1, updated_at = $t WHERE conversation = $c AND version = $v";
            await using var command = connection.Command(sql, transaction,
                ("$c", conversationKey), ("$s", JsonSerializer.Serialize(state, ChatbotJson.Default.ConversationState)),
                ("$t", time.GetUtcNow().ToString("O")), ("$v", expectedVersion is null ? null : long.Parse(expectedVersion, CultureInfo.InvariantCulture)));
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
            // The escalation and its notifications commit with the turn, or not at all.
            if (escalation is not null) await escalations.WriteAsync(connection, transaction, conversationKey, escalation, cancellationToken);
            return true;
        }, cancellationToken);
}
