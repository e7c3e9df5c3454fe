using System.Collections.Concurrent;
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
    /// Writes wait here and are committed together, one transaction per batch with a savepoint per
    /// write: SQLite has one writer at a time, and on a real disk the commit, not the write, is the
    /// cost (the same load ran 2.3 times faster on tmpfs). Each write still succeeds or fails alone.
    /// </summary>
    private readonly BlockingCollection<PendingWrite> pending = [];

    /// <summary>
    /// The committer has a thread of its own. On the thread pool each batch first waited for its turn
    /// behind the requests queued there, and the turns it released resumed newest first from that
    /// worker's local queue: under load that was the long tail of the reply times.
    /// </summary>
    private readonly Thread committer;

    /// <summary>
    /// Copies the log into the file beside the committer. Left to SQLite, the checkpoint ran in the
    /// commit that crossed its threshold: every 40 MB of log, one batch waited for the copy and the
    /// fsyncs, and every turn queued behind it (the tail of the escalation-heavy load, decision 018).
    /// </summary>
    private readonly Thread checkpointer;
    private readonly ManualResetEventSlim stopping = new();
    private int disposed;
    private const int MaxBatch = 64;

    public SqliteDatabase(IOptions<StateOptions> options)
    {
        var path = Path.GetFullPath(options.Value.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 15 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS conversation_state (
                conversation TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL,
                answered TEXT);
            CREATE TABLE IF NOT EXISTS escalation (
                id TEXT PRIMARY KEY, conversation TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
                record TEXT NOT NULL, sort_key TEXT);
            CREATE INDEX IF NOT EXISTS escalation_by_status ON escalation (status, created_at);
            CREATE TABLE IF NOT EXISTS outbox (
                id TEXT PRIMARY KEY, escalation TEXT NOT NULL, channel TEXT NOT NULL, payload TEXT NOT NULL,
                status TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL, last_error TEXT);
            CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
            """;
        command.ExecuteNonQuery();
        connection.AddColumnIfMissing("conversation_state", "answered");
        SqliteEscalationOrder.Migrate(connection);
        SqliteAnsweredActivities.Migrate(connection);
        connection.AddColumnIfMissing("answered_activity", "delivered");
        SqliteReviewStore.CreateTables(connection);
        SqliteActivityStore.CreateTables(connection);
        committer = new Thread(CommitLoop) { IsBackground = true, Name = "SQLite committer" };
        committer.Start();
        checkpointer = new Thread(CheckpointLoop) { IsBackground = true, Name = "SQLite checkpointer" };
        checkpointer.Start();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // synchronous is a setting of each connection, not of the file: set on one connection only,
        // the others used SQLite's default. FULL, deliberately: a reply that tells the patient a
        // nurse was notified is sent after the escalation is on disk, not only in the OS's cache
        // (NORMAL measured ~5 % faster, within noise: docs/decisions/006-performance.md).
        pragmas.CommandText = "PRAGMA mmap_size = 268435456; PRAGMA wal_autocheckpoint = 10000; PRAGMA synchronous = FULL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs a write in a transaction (shared with the writes queued at the same moment).</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync(write, null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="committed"/> runs once the write is committed, before anyone
    /// awaiting it resumes, in commit order: what is kept in memory of a row then follows the file,
    /// never the order in which the writers happen to be scheduled. It must not throw.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, Action<T>? committed, CancellationToken cancellationToken)
    {
        var item = new PendingWrite<T>(write, committed);
        try
        {
            pending.Add(item, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase));
        }
        return await item.Result.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Microsoft.Data.Sqlite's asynchronous calls complete synchronously, so this thread runs each
    /// batch through without yielding; the turns it completes resume on the thread pool in batch order.
    /// </summary>
    private void CommitLoop()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        CommitterConnection? connection = null;
        while (pending.TryTake(out var first, Timeout.Infinite))
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < MaxBatch && pending.TryTake(out var item)) batch.Add(item);
            try
            {
                connection ??= new CommitterConnection(Open());
                using var transaction = connection.Connection.BeginTransaction();
                foreach (var item in batch) item.RunAsync(connection, transaction).GetAwaiter().GetResult();
                transaction.Commit();
                foreach (var item in batch) item.Complete();
            }
            catch (Exception e)
            {
                foreach (var item in batch) item.Fail(e);
                // The connection may be what failed (a disk error, a file replaced): the next batch opens another.
                connection?.Dispose();
                connection = null;
            }
        }
        connection?.Dispose();
    }

    /// <summary>
    /// A passive checkpoint every second: it copies what is committed without taking the write lock,
    /// so the committer goes on appending meanwhile; the log restarts once all of it is in the file.
    /// </summary>
    private void CheckpointLoop()
    {
        SqliteConnection? connection = null;
        while (!stopping.Wait(CheckpointInterval))
        {
            try
            {
                connection ??= Open();
                using var checkpoint = connection.Command("PRAGMA wal_checkpoint(PASSIVE)");
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // A busy file or a disk error: the next second tries again, on a new connection.
                connection?.Dispose();
                connection = null;
            }
        }
        connection?.Dispose();
    }

    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        stopping.Set();
        pending.CompleteAdding();
        if (committer.Join(TimeSpan.FromSeconds(5))) pending.Dispose();
        checkpointer.Join(TimeSpan.FromSeconds(5));
    }
}

internal static class SqliteCommands
{
    /// <summary>A nullable TEXT column a file written before it lacks: added, its rows left null.</summary>
    public static void AddColumnIfMissing(this SqliteConnection connection, string table, string column)
    {
        using var columns = connection.Command(
            "SELECT count(*) FROM pragma_table_info($t) WHERE name = $c", null, ("$t", table), ("$c", column));
        if ((long)columns.ExecuteScalar()! > 0) return;
        using var add = connection.Command($"ALTER TABLE {table} ADD COLUMN {column} TEXT");
        add.ExecuteNonQuery();
    }

    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
