using Microsoft.Data.Sqlite;

namespace Chatbot.Functions.State;

/// <summary>
/// The activities a conversation answered (<see cref="AnsweredActivities"/>) in the SQLite file: a row
/// each, written in the turn's transaction. Kept as one JSON column of the state, the last sixteen
/// replies were parsed, serialised and written again by every turn and held in memory with the state:
/// 60 KB allocated per turn, 600 MB of file and 360 MB of memory in a minute of the escalation-heavy
/// load (docs/decisions/018). A turn now writes its own reply; a reply is read back only for a retry.
/// </summary>
internal static class SqliteAnsweredActivities
{
    /// <summary>Creates the table; moves the replies of a file written before it out of the state's column.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var create = connection.Command("""
            CREATE TABLE IF NOT EXISTS answered_activity (
                conversation TEXT NOT NULL, activity TEXT NOT NULL, reply TEXT NOT NULL,
                UNIQUE (conversation, activity));
            """, transaction))
        {
            create.ExecuteNonQuery();
        }
        var legacy = new List<(string Conversation, string Json)>();
        using (var read = connection.Command(
            "SELECT conversation, answered FROM conversation_state WHERE answered IS NOT NULL", transaction))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read()) legacy.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (conversation, json) in legacy)
        {
            SaveAsync(connection, transaction, conversation, AnsweredActivities.Read(json), default)
                .GetAwaiter().GetResult();
            using var clear = connection.Command(
                "UPDATE conversation_state SET answered = NULL WHERE conversation = $c", transaction,
                ("$c", conversation));
            clear.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The ids, oldest first; their replies stay in the file.</summary>
    public static async Task<IReadOnlyList<AnsweredActivity>> IdsAsync(
        SqliteConnection connection, string conversationKey, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT activity FROM answered_activity WHERE conversation = $c ORDER BY rowid", null,
            ("$c", conversationKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<AnsweredActivity>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(new AnsweredActivity(reader.GetString(0), null));
        return ids;
    }

    public static async Task<string?> ReplyAsync(
        SqliteConnection connection, string conversationKey, string activityId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT reply FROM answered_activity WHERE conversation = $c AND activity = $a", null,
            ("$c", conversationKey), ("$a", activityId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The channel's id for a reply, on its row (Teams' feedback names the answer by it).</summary>
    public static async Task<bool> RememberDeliveredAsync(
        SqliteConnection connection, SqliteTransaction transaction, string conversationKey, string activityId,
        string deliveredId, CancellationToken cancellationToken)
    {
        await using var update = connection.Command(
            "UPDATE answered_activity SET delivered = $d WHERE conversation = $c AND activity = $a", transaction,
            ("$c", conversationKey), ("$a", activityId), ("$d", deliveredId));
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task<string?> AnsweredByAsync(
        SqliteConnection connection, string conversationKey, string deliveredId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT activity FROM answered_activity WHERE conversation = $c AND delivered = $d", null,
            ("$c", conversationKey), ("$d", deliveredId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// Inside the turn's transaction: the replies not yet in the file (the turn's own), then the oldest
    /// rows beyond <see cref="AnsweredActivities.Kept"/> go.
    /// </summary>
    public static async Task SaveAsync(
        SqliteConnection connection, SqliteTransaction transaction, string conversationKey,
        IReadOnlyList<AnsweredActivity> answered, CancellationToken cancellationToken)
    {
        var added = false;
        foreach (var (id, reply) in answered)
        {
            if (reply is null) continue;
            await using var insert = connection.Command(
                "INSERT OR REPLACE INTO answered_activity (conversation, activity, reply) VALUES ($c, $a, $r)",
                transaction, ("$c", conversationKey), ("$a", id), ("$r", reply));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            added = true;
        }
        if (!added) return;
        // Only the activities the turn keeps: the oldest past the limit, and all but this one when the
        // patient asked to be forgotten.
        var kept = answered.Select((a, i) => ($"$k{i}", (object?)a.Id)).ToArray();
        await using var trim = connection.Command(
            "DELETE FROM answered_activity WHERE conversation = $c AND activity NOT IN " +
            $"({string.Join(", ", kept.Select(k => k.Item1))})", transaction, [("$c", conversationKey), .. kept]);
        await trim.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the rows of the conversations <paramref name="conversations"/> selects.</summary>
    public static string DeleteOf(string conversations) =>
        $"DELETE FROM answered_activity WHERE conversation IN ({conversations})";
}
