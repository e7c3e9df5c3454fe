using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State;

/// <summary>Retention and erasure in the SQLite file: one transaction each.</summary>
public sealed class SqliteRetention(SqliteDatabase database, RecentStates recent, IOptions<StateOptions> options, TimeProvider time) : IDataRetention
{
    /// <summary>What the review loop keeps of a conversation (<see cref="SqliteReviewStore"/>): kept and erased with it.</summary>
    private static IReadOnlyList<string> ReviewTables => SqliteReviewStore.Tables;

    public async Task<ErasureReport> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var report = await database.WriteAsync(async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var retention = options.Value.Retention;
            var expired = SqliteAnsweredActivities.DeleteOf(
                "SELECT conversation FROM conversation_state WHERE updated_at < $t");
            await ExecuteAsync(connection, transaction, expired, now - retention.Conversations, cancellationToken);
            var conversations = await ExecuteAsync(connection, transaction,
                "DELETE FROM conversation_state WHERE updated_at < $t", now - retention.Conversations, cancellationToken);
            const string resolved = "SELECT id FROM escalation WHERE status = 'resolved' AND created_at < $t";
            var notifications = await ExecuteAsync(connection, transaction,
                $"DELETE FROM outbox WHERE escalation IN ({resolved})", now - retention.ResolvedEscalations, cancellationToken);
            var escalations = await ExecuteAsync(connection, transaction,
                "DELETE FROM escalation WHERE status = 'resolved' AND created_at < $t", now - retention.ResolvedEscalations, cancellationToken);
            var reviews = 0;
            foreach (var table in ReviewTables)
                reviews += await ExecuteAsync(connection, transaction,
                    $"DELETE FROM {table} WHERE created_at < $t", now - retention.Conversations, cancellationToken);
            // The dashboard's anonymous rows have a retention of their own (decision 021).
            var activity = await ExecuteAsync(connection, transaction,
                $"DELETE FROM {SqliteActivityStore.Table} WHERE at < $t", now - retention.Activity, cancellationToken);
            return new ErasureReport(conversations, escalations, notifications, reviews) { Activity = activity };
        }, committed: _ => recent.ForgetAll(), cancellationToken); // simpler than knowing which rows went
        return report;
    }

    public async Task<ErasureReport> EraseConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var report = await database.WriteAsync(async (connection, transaction) =>
        {
            await using var outbox = connection.Command(
                "DELETE FROM outbox WHERE escalation IN (SELECT id FROM escalation WHERE conversation = $c)", transaction, ("$c", conversationKey));
            var notifications = await outbox.ExecuteNonQueryAsync(cancellationToken);
            await using var escalation = connection.Command("DELETE FROM escalation WHERE conversation = $c", transaction, ("$c", conversationKey));
            var escalations = await escalation.ExecuteNonQueryAsync(cancellationToken);
            await using var answered = connection.Command(
                SqliteAnsweredActivities.DeleteOf("$c"), transaction, ("$c", conversationKey));
            await answered.ExecuteNonQueryAsync(cancellationToken);
            var reviews = 0;
            foreach (var table in ReviewTables)
            {
                await using var review = connection.Command($"DELETE FROM {table} WHERE conversation = $c", transaction, ("$c", conversationKey));
                reviews += await review.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var state = connection.Command("DELETE FROM conversation_state WHERE conversation = $c", transaction, ("$c", conversationKey));
            return new ErasureReport(await state.ExecuteNonQueryAsync(cancellationToken), escalations, notifications, reviews);
        }, committed: _ => recent.Forget(conversationKey), cancellationToken);
        return report;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction, ("$t", before.ToString("O")));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
