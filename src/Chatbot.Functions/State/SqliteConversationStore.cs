using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Chatbot.Core.Conversation;
using Chatbot.Functions.Escalations;

namespace Chatbot.Functions.State;

public sealed class StateOptions
{
    /// <summary>Sqlite (embedded default) — AzureStorage comes with the scale-out work.</summary>
    [RegularExpression("^Sqlite$")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file, relative to the working folder unless absolute.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/chatbot.db";
}

/// <summary>Conversation state in SQLite: one row per conversation, a version per row.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database, SqliteEscalationStore escalations, TimeProvider time) : IConversationStore
{
    public async Task<StoredState> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.Command("SELECT state, version FROM conversation_state WHERE conversation = $c", null, ("$c", conversationKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new StoredState(ConversationState.New, 0);
        var state = JsonSerializer.Deserialize(reader.GetString(0), ChatbotJson.Default.ConversationState) ?? ConversationState.New;
        return new StoredState(state, reader.GetInt64(1));
    }

    public Task<bool> TrySaveAsync(string conversationKey, ConversationState state, long expectedVersion, EscalationWrite? escalation, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var sql = expectedVersion == 0
                ? "INSERT INTO conversation_state (conversation, state, version, updated_at) VALUES ($c, $s, 1, $t) ON CONFLICT (conversation) DO NOTHING"
                : "UPDATE conversation_state SET state = $s, version = version + 1, updated_at = $t WHERE conversation = $c AND version = $v";
            await using var command = connection.Command(sql, transaction,
                ("$c", conversationKey), ("$s", JsonSerializer.Serialize(state, ChatbotJson.Default.ConversationState)),
                ("$t", time.GetUtcNow().ToString("O")), ("$v", expectedVersion));
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
            // The escalation and its notifications commit with the turn, or not at all.
            if (escalation is not null) await escalations.WriteAsync(connection, transaction, conversationKey, escalation, cancellationToken);
            return true;
        }, cancellationToken);
}
