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
        var entity = new TableEntity(Day(at), at.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "|" + Guid.NewGuid().ToString("N"))
        {
            ["At"] = at,
            ["Json"] = JsonSerializer.Serialize(row, ActivityJson.Default.ActivityRow),
        };
        await account.Activity.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<ActivityRow>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {Day(from)} and PartitionKey le {Day(to)} and At ge {from.ToUniversalTime()} and At lt {to.ToUniversalTime()}");
        var rows = new List<ActivityRow>();
        await foreach (var entity in account.Activity.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: cancellationToken))
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

    private static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
