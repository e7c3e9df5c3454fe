using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Chatbot.Core.Dashboard;

namespace Chatbot.Functions.State.Azure;

/// <summary>
/// The dashboard's rows in Table Storage: one partition per UTC day (<c>yyyy-MM-dd</c>), a row key that sorts
/// by time, so a range reads a few partitions and retention deletes whole days.
/// </summary>
public sealed class AzureActivityStore(AzureStorageAccount account) : IActivityStore
{
    public async Task AddAsync(ActivityRow row, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var at = row.At.ToUniversalTime();
        var time = at.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        var entity = new TableEntity(Day(at), time + "|" + Guid.NewGuid().ToString("N"))
        {
            ["At"] = at,
            ["Json"] = JsonSerializer.Serialize(row, ActivityJson.Default.ActivityRow),
        };
        await account.Activity.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<ActivityRow>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var (first, last, start, end) = (Day(from), Day(to), from.ToUniversalTime(), to.ToUniversalTime());
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {first} and PartitionKey le {last} and At ge {start} and At lt {end}");
        var rows = new List<ActivityRow>();
        var entities = account.Activity.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: cancellationToken);
        await foreach (var entity in entities)
            rows.Add(JsonSerializer.Deserialize(entity.GetString("Json"), ActivityJson.Default.ActivityRow)!);
        return rows;
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Day(before)} and At lt {before.ToUniversalTime()}");
        await foreach (var row in account.Activity.QueryAsync<TableEntity>(
            filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await account.Activity.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }
        return deleted;
    }

    private static string Day(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
