using Microsoft.Data.Sqlite;

namespace Chatbot.Functions.State;

/// <summary>A write waiting for the committer (<see cref="SqliteDatabase"/>), and how it learns its fate.</summary>
internal abstract class PendingWrite
{
    private Exception? failure;

    /// <summary>Runs inside a savepoint: a write that throws is undone alone, the others commit.</summary>
    public async Task RunAsync(CommitterConnection committer, SqliteTransaction transaction)
    {
        await committer.SaveAsync(transaction);
        try
        {
            await ExecuteAsync(committer.Connection, transaction);
        }
        catch (Exception e)
        {
            failure = e;
            await committer.UndoAsync(transaction);
        }
        await committer.ReleaseAsync(transaction);
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

internal sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, Action<T>? committed) : PendingWrite
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

/// <summary>
/// The committer's own connection, kept for its life: opened per batch, it set its pragmas again
/// each time, and the savepoint statements every write needs are prepared once here, not per write.
/// </summary>
internal sealed class CommitterConnection : IDisposable
{
    public CommitterConnection(SqliteConnection connection)
    {
        Connection = connection;
        save = connection.Command("SAVEPOINT w");
        undo = connection.Command("ROLLBACK TO w");
        release = connection.Command("RELEASE w");
        // Its commits no longer checkpoint: SqliteDatabase's checkpointer does, beside it.
        using var off = connection.Command("PRAGMA wal_autocheckpoint = 0");
        off.ExecuteNonQuery();
    }

    public SqliteConnection Connection { get; }

    private readonly SqliteCommand save;
    private readonly SqliteCommand undo;
    private readonly SqliteCommand release;

    public Task SaveAsync(SqliteTransaction transaction) => Run(save, transaction);

    public Task UndoAsync(SqliteTransaction transaction) => Run(undo, transaction);

    public Task ReleaseAsync(SqliteTransaction transaction) => Run(release, transaction);

    private static Task<int> Run(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        return command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        foreach (var command in new[] { save, undo, release }) command.Dispose();
        Connection.Dispose();
    }
}
