using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Chatbot.Core.Review;

namespace Chatbot.Functions.State.Azure;

/// <summary>
/// Review entries and answer ratings in Table Storage: one partition per conversation (rows
/// <c>entry|id</c> and <c>rating|activity</c>), so erasing a conversation deletes one partition.
/// Listing reads the waiting entries across partitions: a few hundred rows, not a patient's turn.
/// </summary>
public sealed class AzureReviewStore(AzureStorageAccount account) : IReviewStore
{
    public const string EntryRow = "entry|";
    public const string RatingRow = "rating|";

    public async Task AddAsync(ReviewEntry entry, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        await account.Reviews.AddEntityAsync(EntryEntity(entry), cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewEntry>> ListAsync(bool withHandled, int limit, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {EntryRow} and RowKey lt {"entry}"}");
        if (!withHandled) filter += " and Handled eq false";
        var entries = new List<ReviewEntry>();
        await foreach (var row in account.Reviews.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            entries.Add(JsonSerializer.Deserialize(EntityText.Read(row, "Json"), ReviewJson.Default.ReviewEntry)!);
        return [.. entries.OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Take(limit)];
    }

    public async Task<ReviewEntry?> MarkHandledAsync(string id, string who, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        await foreach (var row in account.Reviews.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {EntryRow + EntityText.Key(id)}"), cancellationToken: cancellationToken))
        {
            var entry = JsonSerializer.Deserialize(EntityText.Read(row, "Json"), ReviewJson.Default.ReviewEntry)!
                with { HandledAt = at, HandledBy = who };
            await account.Reviews.UpdateEntityAsync(EntryEntity(entry), ETag.All, TableUpdateMode.Replace, cancellationToken);
            return entry;
        }
        return null;
    }

    public async Task RateAsync(AnswerRating rating, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var entity = new TableEntity(EntityText.Key(rating.Conversation), RatingRow + EntityText.Key(rating.ActivityId))
        {
            ["CreatedAt"] = rating.At,
        };
        EntityText.Write(entity, "Json", JsonSerializer.Serialize(rating, ReviewJson.Default.AnswerRating));
        await account.Reviews.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<AnswerRating>> RatingsAsync(CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var ratings = new List<AnswerRating>();
        await foreach (var row in account.Reviews.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey ge {RatingRow} and RowKey lt {"rating}"}"), cancellationToken: cancellationToken))
            ratings.Add(JsonSerializer.Deserialize(EntityText.Read(row, "Json"), ReviewJson.Default.AnswerRating)!);
        return ratings;
    }

    /// <summary>Retention and erasure: the rows matching <paramref name="filter"/>, one delete each.</summary>
    public async Task<int> DeleteAsync(string filter, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var deleted = 0;
        await foreach (var row in account.Reviews.QueryAsync<TableEntity>(
            filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await account.Reviews.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }
        return deleted;
    }

    private static TableEntity EntryEntity(ReviewEntry entry)
    {
        var entity = new TableEntity(EntityText.Key(entry.Conversation), EntryRow + EntityText.Key(entry.Id))
        {
            ["CreatedAt"] = entry.At,
            ["Handled"] = entry.HandledAt is not null,
        };
        EntityText.Write(entity, "Json", JsonSerializer.Serialize(entry, ReviewJson.Default.ReviewEntry));
        return entity;
    }

    public Task<int> ForgetConversationAsync(string conversation, CancellationToken cancellationToken) =>
        DeleteAsync(TableClient.CreateQueryFilter($"PartitionKey eq {EntityText.Key(conversation)}"), cancellationToken);
}
