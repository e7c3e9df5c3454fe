using System.Threading.Channels;
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
    private readonly Channel<PendingWrite> pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task committer;
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
        committer = Task.Run(CommitLoopAsync);
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
        ObjectDisposedException.ThrowIf(!pending.Writer.TryWrite(item), this);
        return await item.Result.WaitAsync(cancellationToken);
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                await using var connection = Open();
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                foreach (var item in batch) await item.RunAsync(connection, transaction);
                await transaction.CommitAsync();
                foreach (var item in batch) item.Complete();
            }
            catch (Exception e)
            {
                foreach (var item in batch) item.Fail(e);
            }
        }
    }

    public void Dispose()
    {
        pending.Writer.TryComplete();
        committer.Wait(TimeSpan.FromSeconds(5));
    }

    private abstract class PendingWrite
    {
        private Exception? failure;

        /// <summary>Runs inside a savepoint: a write that throws is undone alone, the others commit.</summary>
        public async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            await using (var save = connection.Command("SAVEPOINT w", transaction)) await save.ExecuteNonQueryAsync();
            try
            {
                await ExecuteAsync(connection, transaction);
            }
            catch (Exception e)
            {
                failure = e;
                await using var undo = connection.Command("ROLLBACK TO w", transaction);
                await undo.ExecuteNonQueryAsync();
            }
            await using var release = connection.Command("RELEASE w", transaction);
            await release.ExecuteNonQueryAsync();
        }

        protected abstract Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction);

        public void Complete()
        {
            if (failure is null) Succeed();
            else Fail(failure);
        }

        protected abstract void Succeed();

        public abstract void Fail(Exception e);
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, Action<T>? committed) : PendingWrite
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? value;

        public Task<T> Result => completion.Task;

        protected override async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction) => value = await write(connection, transaction);

        protected override void Succeed()
        {
            committed?.Invoke(value!);
            completion.TrySetResult(value!);
        }

        public override void Fail(Exception e) => completion.TrySetException(e);
    }
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
