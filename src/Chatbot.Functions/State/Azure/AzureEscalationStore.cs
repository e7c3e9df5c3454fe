using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State.Azure;

/// <summary>
/// Escalations in Table Storage: one partition per escalation, holding its record (with history
/// and masked transcript) and its outbox entries, so an escalation and its notifications are
/// written together in one entity-group transaction.
/// </summary>
public sealed class AzureEscalationStore(
    AzureStorageAccount account, AzureEscalationIndex index, IOptions<NotificationOptions> options, TimeProvider time)
    : IEscalationStore
{
    public const string RecordRow = "record";
    public const string OutboxRow = "outbox|";
    private const string AfterOutbox = "outbox}";
    private const int MaxAttempts = 10;

    /// <summary>A new escalation and its notices: both or neither.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> OpenAsync(string conversationKey, EscalationRecord record, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var outbox = Notices.Outbox(record, "", options.Value, time.GetUtcNow()).ToList();
        await index.AddAsync(record, cancellationToken);
        await account.Escalations.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, RecordEntity(record, conversationKey)), .. outbox.Select(e => new TableTransactionAction(TableTransactionActionType.Add, OutboxEntity(e)))],
            cancellationToken);
        return outbox;
    }

    /// <summary>
    /// Deletes an escalation's partition: its record and its outbox entries. Used to take back an
    /// escalation whose turn lost a race, and by retention and erasure. Returns the notices deleted.
    /// </summary>
    public async Task<int> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var record = await ReadAsync(id, cancellationToken);
        var rows = new List<TableTransactionAction>();
        await foreach (var row in account.Escalations.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            rows.Add(new(TableTransactionActionType.Delete, row, ETag.All));
        // A transaction holds at most 100 operations.
        foreach (var chunk in rows.Chunk(100)) await account.Escalations.SubmitTransactionAsync(chunk, cancellationToken);
        if (record is not null) await index.RemoveAsync(EscalationOrder.Key(record.Value.Record), cancellationToken);
        return rows.Count(r => r.Entity.RowKey.StartsWith(OutboxRow, StringComparison.Ordinal));
    }

    /// <summary>A patient's change during a turn (a message relayed, a contact): the notices it adds.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ApplyAsync(
        EscalationChanged changed, CancellationToken cancellationToken) =>
        (await ChangeAsync(changed.EscalationId, changed.Apply, changed.Notifies ? Notices.MessageSuffix : null,
            cancellationToken)).Outbox;

    public async Task<EscalationRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync(id, cancellationToken))?.Record;

    /// <summary>A range of the index, then each record read (in parallel): a page, however many there are.</summary>
    public async Task<EscalationPage> ListAsync(
        string? status, string? after, int size, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        await index.EnsureIndexedAsync(Record, cancellationToken);
        var entries = await index.RangeAsync(status, after, size + 1, cancellationToken);
        var records = await Task.WhenAll(entries.Take(size).Select(e => GetAsync(e.Id, cancellationToken)));
        // An entry whose record went, or moved to another key, is left over from a write cut short.
        return EscalationPage.From([.. entries.Select((e, i) =>
            (e.Key, records.ElementAtOrDefault(i) is { } r && EscalationOrder.Key(r) == e.Key ? r : null))], size);
    }

    public async Task<EscalationRecord?> UpdateAsync(
        string id, Func<EscalationRecord, EscalationRecord> change, CancellationToken cancellationToken) =>
        (await ChangeAsync(id, change, null, cancellationToken)).Record;

    public async Task<IReadOnlyList<OutboxEntry>> OutboxAsync(string? status, DateTimeOffset? dueBy, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {OutboxRow} and RowKey lt {AfterOutbox}");
        if (status is not null) filter += " and " + TableClient.CreateQueryFilter($"Status eq {status}");
        if (dueBy is { } due) filter += " and " + TableClient.CreateQueryFilter($"NextAttemptAt le {due}");
        var entries = new List<OutboxEntry>();
        await foreach (var entity in account.Escalations.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            entries.Add(Outbox(entity));
        return [.. entries.OrderBy(e => e.NextAttemptAt).Take(200)];
    }

    public async Task<OutboxEntry?> GetOutboxEntryAsync(string escalationId, string outboxId, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var found = await account.Escalations.GetEntityIfExistsAsync<TableEntity>(escalationId, OutboxRow + outboxId, cancellationToken: cancellationToken);
        return found.HasValue ? Outbox(found.Value!) : null;
    }

    public async Task RecordDeliveryAsync(OutboxEntry entry, string status, int attempts, DateTimeOffset nextAttemptAt, string? error, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var update = new TableEntity(entry.EscalationId, OutboxRow + entry.Id)
        {
            // A merge cannot remove a property: "" stands for no error.
            ["Status"] = status, ["Attempts"] = attempts, ["NextAttemptAt"] = nextAttemptAt, ["LastError"] = error ?? "",
        };
        await account.Escalations.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Read, change, write with the record's ETag; a concurrent change (staff, another instance) makes it start over.</summary>
    private async Task<(EscalationRecord? Record, IReadOnlyList<OutboxEntry> Outbox)> ChangeAsync(
        string id, Func<EscalationRecord, EscalationRecord> change, Func<EscalationRecord, string>? notify,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await ReadAsync(id, cancellationToken) is not { } current) return (null, []);
            var record = change(current.Record);
            var (before, after) = (EscalationOrder.Key(current.Record), EscalationOrder.Key(record));
            if (after != before) await index.AddAsync(record, cancellationToken);
            var outbox = notify is null ? [] : Notices.Outbox(record, notify(record), options.Value, time.GetUtcNow()).ToList();
            try
            {
                await account.Escalations.SubmitTransactionAsync(
                    [new(TableTransactionActionType.UpdateReplace, RecordEntity(record, current.Conversation), current.ETag),
                     .. outbox.Select(e => new TableTransactionAction(TableTransactionActionType.Add, OutboxEntity(e)))],
                    cancellationToken);
                if (after != before) await index.RemoveAsync(before, cancellationToken);
                return (record, outbox);
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 409)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
        throw new InvalidOperationException($"escalation {id} kept changing for {MaxAttempts} attempts");
    }

    private async Task<(EscalationRecord Record, string Conversation, ETag ETag)?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var found = await account.Escalations.GetEntityIfExistsAsync<TableEntity>(id, RecordRow, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var entity = found.Value!;
        return (Record(entity), entity.GetString("Conversation") ?? "", entity.ETag);
    }

    private static TableEntity RecordEntity(EscalationRecord record, string conversationKey)
    {
        var entity = new TableEntity(record.Id, RecordRow)
        {
            ["Status"] = record.Status, ["CreatedAt"] = record.CreatedAt, ["Conversation"] = conversationKey,
        };
        EntityText.Write(entity, "Json", JsonSerializer.Serialize(record, EscalationJson.Default.EscalationRecord));
        return entity;
    }

    internal static EscalationRecord Record(TableEntity entity) =>
        JsonSerializer.Deserialize(EntityText.Read(entity, "Json"), EscalationJson.Default.EscalationRecord)!;

    private static TableEntity OutboxEntity(OutboxEntry entry) => new(entry.EscalationId, OutboxRow + entry.Id)
    {
        ["Channel"] = entry.Channel, ["Payload"] = JsonSerializer.Serialize(entry.Notice, EscalationJson.Default.EscalationNotice),
        ["Status"] = entry.Status, ["Attempts"] = entry.Attempts, ["NextAttemptAt"] = entry.NextAttemptAt, ["LastError"] = entry.LastError,
    };

    private static OutboxEntry Outbox(TableEntity entity) => new(
        entity.RowKey[OutboxRow.Length..], entity.PartitionKey, entity.GetString("Channel"),
        JsonSerializer.Deserialize(entity.GetString("Payload"), EscalationJson.Default.EscalationNotice)!,
        entity.GetString("Status"), entity.GetInt32("Attempts") ?? 0, entity.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.MinValue,
        entity.GetString("LastError") is { Length: > 0 } error ? error : null);
}
