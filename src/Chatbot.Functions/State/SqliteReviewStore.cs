using System.Text.Json;
using Chatbot.Core.Review;
using Microsoft.Data.Sqlite;

namespace Chatbot.Functions.State;

/// <summary>Review entries and answer ratings in the SQLite file, beside the conversations they came from.</summary>
public sealed class SqliteReviewStore(SqliteDatabase database) : IReviewStore
{
    /// <summary>Run with the file's other tables: retention and erasure delete from these too.</summary>
    public static void CreateTables(SqliteConnection connection)
    {
        using var command = connection.Command("""
            CREATE TABLE IF NOT EXISTS review_entry (
                id TEXT PRIMARY KEY, conversation TEXT NOT NULL, created_at TEXT NOT NULL,
                handled INTEGER NOT NULL DEFAULT 0, entry TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS review_entry_waiting ON review_entry (handled, created_at);
            CREATE INDEX IF NOT EXISTS review_entry_conversation ON review_entry (conversation);
            CREATE TABLE IF NOT EXISTS answer_rating (
                conversation TEXT NOT NULL, activity TEXT NOT NULL, created_at TEXT NOT NULL, rating TEXT NOT NULL,
                PRIMARY KEY (conversation, activity));
            """);
        command.ExecuteNonQuery();
    }

    public Task AddAsync(ReviewEntry entry, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var insert = connection.Command(
                "INSERT INTO review_entry (id, conversation, created_at, handled, entry) VALUES ($id, $c, $t, 0, $e)",
                transaction, ("$id", entry.Id), ("$c", entry.Conversation), ("$t", entry.At.ToString("O")),
                ("$e", JsonSerializer.Serialize(entry, ReviewJson.Default.ReviewEntry)));
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<ReviewEntry>> ListAsync(bool withHandled, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var query = connection.Command(
            "SELECT entry FROM review_entry" + (withHandled ? "" : " WHERE handled = 0") +
            " ORDER BY created_at DESC, id LIMIT $n", null, ("$n", limit));
        var entries = new List<ReviewEntry>();
        await using var rows = await query.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
            entries.Add(JsonSerializer.Deserialize(rows.GetString(0), ReviewJson.Default.ReviewEntry)!);
        return entries;
    }

    public Task<ReviewEntry?> MarkHandledAsync(string id, string who, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync<ReviewEntry?>(async (connection, transaction) =>
        {
            await using var read = connection.Command("SELECT entry FROM review_entry WHERE id = $id", transaction, ("$id", id));
            if (await read.ExecuteScalarAsync(cancellationToken) is not string json) return null;
            var entry = JsonSerializer.Deserialize(json, ReviewJson.Default.ReviewEntry)! with { HandledAt = at, HandledBy = who };
            await using var write = connection.Command(
                "UPDATE review_entry SET handled = 1, entry = $e WHERE id = $id", transaction,
                ("$id", id), ("$e", JsonSerializer.Serialize(entry, ReviewJson.Default.ReviewEntry)));
            await write.ExecuteNonQueryAsync(cancellationToken);
            return entry;
        }, cancellationToken);

    public Task RateAsync(AnswerRating rating, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var upsert = connection.Command(
                "INSERT OR REPLACE INTO answer_rating (conversation, activity, created_at, rating) VALUES ($c, $a, $t, $r)",
                transaction, ("$c", rating.Conversation), ("$a", rating.ActivityId), ("$t", rating.At.ToString("O")),
                ("$r", JsonSerializer.Serialize(rating, ReviewJson.Default.AnswerRating)));
            return await upsert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<AnswerRating>> RatingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var query = connection.Command("SELECT rating FROM answer_rating");
        var ratings = new List<AnswerRating>();
        await using var rows = await query.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
            ratings.Add(JsonSerializer.Deserialize(rows.GetString(0), ReviewJson.Default.AnswerRating)!);
        return ratings;
    }

    public Task<int> ForgetConversationAsync(string conversation, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var deleted = 0;
            foreach (var table in Tables)
            {
                await using var delete = connection.Command(
                    $"DELETE FROM {table} WHERE conversation = $c", transaction, ("$c", conversation));
                deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            return deleted;
        }, cancellationToken);

    /// <summary>The loop's tables, each with its conversation column.</summary>
    public static readonly IReadOnlyList<string> Tables = ["review_entry", "answer_rating"];
}
