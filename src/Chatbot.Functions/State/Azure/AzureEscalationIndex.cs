using Azure;
using Azure.Data.Tables;
using Chatbot.Core.Escalation;

namespace Chatbot.Functions.State.Azure;

/// <summary>
/// The staff list's order in Table Storage: one partition of entries whose row key is the escalation's
/// <see cref="EscalationOrder"/> key, so a page is a range query on that partition, not a scan. An entry
/// is added before its record is written and removed after, so a crash between the two leaves an extra
/// entry (passed over when read: its key is no longer the record's), never a missing one
/// (docs/decisions/011-escalation-paging.md).
/// </summary>
public sealed class AzureEscalationIndex(AzureStorageAccount account)
{
    public const string Partition = "list";

    /// <summary>After every key (':' follows the digits): marks a table whose older records were indexed.</summary>
    private const string IndexedMarker = "~indexed";
    private volatile bool indexed;

    public async Task AddAsync(EscalationRecord record, CancellationToken cancellationToken) =>
        await account.Escalations.UpsertEntityAsync(
            new TableEntity(Partition, EscalationOrder.Key(record)) { ["Escalation"] = record.Id },
            TableUpdateMode.Replace, cancellationToken);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await account.Escalations.DeleteEntityAsync(Partition, key, ETag.All, cancellationToken);
    }

    /// <summary>Up to <paramref name="count"/> entries (key, escalation id) of a status after a key.</summary>
    public async Task<IReadOnlyList<(string Key, string Id)>> RangeAsync(
        string? status, string? after, int count, CancellationToken cancellationToken)
    {
        var (from, to) = EscalationOrder.Range(status);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and RowKey ge {from} and RowKey lt {to} and RowKey gt {after ?? ""}");
        var entries = new List<(string, string)>(count);
        await foreach (var entity in account.Escalations.QueryAsync<TableEntity>(
            filter, maxPerPage: count, select: ["RowKey", "Escalation"], cancellationToken: cancellationToken))
        {
            entries.Add((entity.RowKey, entity.GetString("Escalation")));
            if (entries.Count == count) break;
        }
        return entries;
    }

    /// <summary>Once per table: entries for the records written before there was an index.</summary>
    public async Task EnsureIndexedAsync(Func<TableEntity, EscalationRecord> read, CancellationToken cancellationToken)
    {
        if (indexed) return;
        var marker = await account.Escalations.GetEntityIfExistsAsync<TableEntity>(
            Partition, IndexedMarker, select: ["RowKey"], cancellationToken: cancellationToken);
        if (!marker.HasValue)
        {
            var records = TableClient.CreateQueryFilter($"RowKey eq {AzureEscalationStore.RecordRow}");
            var table = account.Escalations;
            await foreach (var entity in table.QueryAsync<TableEntity>(records, cancellationToken: cancellationToken))
                await AddAsync(read(entity), cancellationToken);
            var marked = new TableEntity(Partition, IndexedMarker);
            await table.UpsertEntityAsync(marked, cancellationToken: cancellationToken);
        }
        indexed = true;
    }
}
