using System.Text.Json;
using Chatbot.Core.Escalation;
using Chatbot.Functions.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Escalations;

/// <summary>A notification waiting for, or done with, delivery.</summary>
public sealed record OutboxEntry(string Id, string EscalationId, string Channel, EscalationNotice Notice, string Status, int Attempts, DateTimeOffset NextAttemptAt, string? LastError);

public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Dead = "dead";
}

/// <summary>Escalations and their outbox, in the same SQLite file as the conversation state.</summary>
public sealed class SqliteEscalationStore(SqliteDatabase database, IOptions<NotificationOptions> options, TimeProvider time) : IEscalationStore
{
    /// <summary>Inside the turn's transaction.</summary>
    public Task WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string conversationKey, EscalationWrite write,
        CancellationToken cancellationToken) => write switch
    {
        EscalationOpened opened => InsertAsync(connection, transaction, conversationKey, opened.Record, cancellationToken),
        EscalationChanged changed => ApplyAsync(connection, transaction, changed, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(write)),
    };

    /// <summary>The escalation and one outbox entry per configured channel.</summary>
    private async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string conversationKey, EscalationRecord record, CancellationToken cancellationToken)
    {
        await using (var insert = connection.Command(
            "INSERT INTO escalation (id, conversation, status, created_at, record, sort_key) " +
            "VALUES ($id, $c, $s, $t, $r, $k)", transaction,
            ("$id", record.Id), ("$c", conversationKey), ("$s", record.Status), ("$t", record.CreatedAt.ToString("O")),
            ("$r", JsonSerializer.Serialize(record, EscalationJson.Default.EscalationRecord)),
            ("$k", EscalationOrder.Key(record))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await EnqueueAsync(connection, transaction, record, "", cancellationToken);
    }

    /// <summary>Reads, changes and writes one escalation; null (and nothing written) if it is unknown.</summary>
    private static async Task<EscalationRecord?> ChangeAsync(
        SqliteConnection connection, SqliteTransaction transaction, string id,
        Func<EscalationRecord, EscalationRecord> change, CancellationToken cancellationToken)
    {
        await using var read = connection.Command("SELECT record FROM escalation WHERE id = $id", transaction, ("$id", id));
        if (await read.ExecuteScalarAsync(cancellationToken) is not string json) return null;
        var record = change(JsonSerializer.Deserialize(json, EscalationJson.Default.EscalationRecord)!);
        await using var write = connection.Command(
            "UPDATE escalation SET status = $s, record = $r, sort_key = $k WHERE id = $id", transaction, ("$id", id),
            ("$s", record.Status), ("$r", JsonSerializer.Serialize(record, EscalationJson.Default.EscalationRecord)),
            ("$k", EscalationOrder.Key(record)));
        await write.ExecuteNonQueryAsync(cancellationToken);
        return record;
    }

    /// <summary>A patient's change (a message during a handoff, a contact), notified if it is news for staff.</summary>
    private async Task ApplyAsync(
        SqliteConnection connection, SqliteTransaction transaction, EscalationChanged changed,
        CancellationToken cancellationToken)
    {
        var record = await ChangeAsync(connection, transaction, changed.EscalationId, changed.Apply, cancellationToken);
        if (record is not null && changed.Notifies)
            await EnqueueAsync(connection, transaction, record, Notices.MessageSuffix(record), cancellationToken);
    }

    private async Task EnqueueAsync(SqliteConnection connection, SqliteTransaction transaction, EscalationRecord record, string suffix, CancellationToken cancellationToken)
    {
        foreach (var entry in Notices.Outbox(record, suffix, options.Value, time.GetUtcNow()))
        {
            await using var outbox = connection.Command(
                "INSERT INTO outbox (id, escalation, channel, payload, status, attempts, next_attempt_at) VALUES ($id, $e, $ch, $p, 'pending', 0, $t)", transaction,
                ("$id", entry.Id), ("$e", record.Id), ("$ch", entry.Channel),
                ("$p", JsonSerializer.Serialize(entry.Notice, EscalationJson.Default.EscalationNotice)), ("$t", entry.NextAttemptAt.ToString("O")));
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<EscalationRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.Command("SELECT record FROM escalation WHERE id = $id", null, ("$id", id));
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize(json, EscalationJson.Default.EscalationRecord) : null;
    }

    /// <summary>A range of the <c>escalation_order</c> index.</summary>
    public async Task<EscalationPage> ListAsync(
        string? status, string? after, int size, CancellationToken cancellationToken)
    {
        var (from, to) = EscalationOrder.Range(status);
        await using var connection = database.Open();
        await using var command = connection.Command(
            "SELECT sort_key, record FROM escalation WHERE sort_key >= $from AND sort_key < $to " +
            "AND ($after IS NULL OR sort_key > $after) ORDER BY sort_key LIMIT $n", null,
            ("$from", from), ("$to", to), ("$after", after), ("$n", size + 1));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, EscalationRecord?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = JsonSerializer.Deserialize(reader.GetString(1), EscalationJson.Default.EscalationRecord);
            rows.Add((reader.GetString(0), record));
        }
        return EscalationPage.From(rows, size);
    }

    public Task<EscalationRecord?> UpdateAsync(
        string id, Func<EscalationRecord, EscalationRecord> change, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) => ChangeAsync(connection, transaction, id, change, cancellationToken),
            cancellationToken);

    private const string OutboxColumns = "id, escalation, channel, payload, status, attempts, next_attempt_at, last_error";

    public Task<IReadOnlyList<OutboxEntry>> OutboxAsync(string? status, DateTimeOffset? dueBy, CancellationToken cancellationToken) => ReadOutboxAsync(
        $"SELECT {OutboxColumns} FROM outbox WHERE ($s IS NULL OR status = $s) AND ($due IS NULL OR next_attempt_at <= $due) ORDER BY next_attempt_at LIMIT 200",
        cancellationToken, ("$s", status), ("$due", dueBy?.ToString("O")));

    public async Task<OutboxEntry?> GetOutboxEntryAsync(string escalationId, string outboxId, CancellationToken cancellationToken) =>
        await ReadOutboxAsync($"SELECT {OutboxColumns} FROM outbox WHERE id = $id AND escalation = $e", cancellationToken, ("$id", outboxId), ("$e", escalationId)) is [var entry, ..] ? entry : null;

    private async Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = database.Open();
        await using var command = connection.Command(sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<OutboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                JsonSerializer.Deserialize(reader.GetString(3), EscalationJson.Default.EscalationNotice)!, reader.GetString(4),
                reader.GetInt32(5), DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return entries;
    }

    public Task RecordDeliveryAsync(OutboxEntry entry, string status, int attempts, DateTimeOffset nextAttemptAt, string? error, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command(
                "UPDATE outbox SET status = $s, attempts = $a, next_attempt_at = $n, last_error = $e WHERE id = $id", transaction,
                ("$id", entry.Id), ("$s", status), ("$a", attempts), ("$n", nextAttemptAt.ToString("O")), ("$e", error));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
