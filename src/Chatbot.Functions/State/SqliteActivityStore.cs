using System.Text.Json;
using Chatbot.Core.Dashboard;
using Microsoft.Data.Sqlite;

namespace Chatbot.Functions.State;

/// <summary>
/// The dashboard's rows in the SQLite file. A turn's row joins the committer's queue and is not waited
/// for: it commits in the next batch, and the turn's reply leaves without a second commit (decision 021).
/// </summary>
public sealed partial class SqliteActivityStore(SqliteDatabase database, ILogger<SqliteActivityStore> logger)
    : IActivityStore
{
    public const string Table = "activity_row";

    /// <summary>Run with the file's other tables.</summary>
    public static void CreateTables(SqliteConnection connection)
    {
        using var command = connection.Command($"""
            CREATE TABLE IF NOT EXISTS {Table} (at TEXT NOT NULL, row TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS {Table}_at ON {Table} (at);
            """);
        command.ExecuteNonQuery();
    }

    public Task AddAsync(ActivityRow row, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(row, ActivityJson.Default.ActivityRow);
        var written = database.WriteAsync(async (connection, transaction) =>
        {
            await using var insert = connection.Command(
                $"INSERT INTO {Table} (at, row) VALUES ($t, $r)", transaction, ("$t", At(row.At)), ("$r", json));
            return await insert.ExecuteNonQueryAsync(CancellationToken.None);
        }, CancellationToken.None);
        _ = written.ContinueWith(
            failed => Log.NotWritten(logger, failed.Exception!.InnerException!.GetType().Name),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<ActivityRow>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Behind every row queued before this read: the committer runs writes in order.
        await database.WriteAsync((_, _) => Task.FromResult(0), cancellationToken);
        await using var connection = database.Open();
        await using var query = connection.Command(
            $"SELECT row FROM {Table} WHERE at >= $from AND at < $to", null, ("$from", At(from)), ("$to", At(to)));
        var rows = new List<ActivityRow>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(JsonSerializer.Deserialize(reader.GetString(0), ActivityJson.Default.ActivityRow)!);
        return rows;
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var delete = connection.Command(
                $"DELETE FROM {Table} WHERE at < $t", transaction, ("$t", At(before)));
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>UTC, so that the text sorts as the instants do.</summary>
    private static string At(DateTimeOffset at) => at.ToUniversalTime().ToString("O");

    private static partial class Log
    {
        [LoggerMessage(EventId = 1702, Level = LogLevel.Warning,
            Message = "A row of the activity dashboard was not kept: the store failed ({Error}); the patient was answered")]
        public static partial void NotWritten(ILogger logger, string error);
    }
}
