using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State;

/// <summary>
/// The embedded store: one SQLite file for conversation state, escalations and their outbox, so a
/// turn, its escalation and its notifications are written in one transaction.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string connectionString;

    /// <summary>
    /// SQLite has one writer at a time; waiting here is cheaper than SQLite's busy handler, which
    /// sleeps up to 100 ms between tries and made the p99 under load half a second.
    /// </summary>
    private readonly SemaphoreSlim writer = new(1, 1);

    public SqliteDatabase(IOptions<StateOptions> options)
    {
        var path = Path.GetFullPath(options.Value.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 15 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS conversation_state (
                conversation TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS escalation (
                id TEXT PRIMARY KEY, conversation TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, record TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS escalation_by_status ON escalation (status, created_at);
            CREATE TABLE IF NOT EXISTS outbox (
                id TEXT PRIMARY KEY, escalation TEXT NOT NULL, channel TEXT NOT NULL, payload TEXT NOT NULL,
                status TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL, last_error TEXT);
            CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
            """;
        command.ExecuteNonQuery();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs a write in a transaction, one writer at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            writer.Release();
        }
    }

    public void Dispose() => writer.Dispose();
}

internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
