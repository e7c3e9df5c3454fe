using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Chatbot.Core.Conversation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

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

/// <summary>Conversation state in a SQLite file: one row per conversation, a version per row.</summary>
public sealed class SqliteConversationStore : IConversationStore, IDisposable
{
    private readonly string connectionString;
    private readonly TimeProvider time;

    /// <summary>
    /// SQLite has one writer at a time; waiting here is cheaper than SQLite's busy handler, which
    /// sleeps up to 100 ms between tries and made the p99 under load half a second.
    /// </summary>
    private readonly SemaphoreSlim writer = new(1, 1);

    public SqliteConversationStore(IOptions<StateOptions> options, TimeProvider time)
    {
        this.time = time;
        var path = Path.GetFullPath(options.Value.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 15 }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS conversation_state (
                conversation TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_at TEXT NOT NULL);
            """);
    }

    public async Task<StoredState> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, version FROM conversation_state WHERE conversation = $c";
        command.Parameters.AddWithValue("$c", conversationKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new StoredState(ConversationState.New, 0);
        var state = JsonSerializer.Deserialize(reader.GetString(0), ChatbotJson.Default.ConversationState) ?? ConversationState.New;
        return new StoredState(state, reader.GetInt64(1));
    }

    public async Task<bool> TrySaveAsync(string conversationKey, ConversationState state, long expectedVersion, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken);
        try
        {
            return await SaveAsync(conversationKey, state, expectedVersion, cancellationToken);
        }
        finally
        {
            writer.Release();
        }
    }

    private async Task<bool> SaveAsync(string conversationKey, ConversationState state, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = expectedVersion == 0
            ? "INSERT INTO conversation_state (conversation, state, version, updated_at) VALUES ($c, $s, 1, $t) ON CONFLICT (conversation) DO NOTHING"
            : "UPDATE conversation_state SET state = $s, version = version + 1, updated_at = $t WHERE conversation = $c AND version = $v";
        command.Parameters.AddWithValue("$c", conversationKey);
        command.Parameters.AddWithValue("$s", JsonSerializer.Serialize(state, ChatbotJson.Default.ConversationState));
        command.Parameters.AddWithValue("$t", time.GetUtcNow().ToString("O"));
        command.Parameters.AddWithValue("$v", expectedVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public void Dispose() => writer.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
