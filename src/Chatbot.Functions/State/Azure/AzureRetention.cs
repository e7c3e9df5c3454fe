using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State.Azure;

/// <summary>Retention and erasure in Table Storage (no TTL there: a query, then deletes).</summary>
public sealed class AzureRetention(
    AzureStorageAccount account, AzureEscalationStore escalations, AzureReviewStore reviews, AzureActivityStore activity,
    IOptions<StateOptions> options, TimeProvider time) : IDataRetention
{
    public async Task<ErasureReport> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var now = time.GetUtcNow();
        var conversations = 0;
        var before = now - options.Value.Retention.Conversations;
        await foreach (var state in account.Conversations.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"UpdatedAt lt {before}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await account.Conversations.DeleteEntityAsync(state.PartitionKey, state.RowKey, ETag.All, cancellationToken);
            conversations++;
        }
        var resolvedBefore = now - options.Value.Retention.ResolvedEscalations;
        var (escalations, notifications) = await DeleteEscalationsAsync(
            TableClient.CreateQueryFilter($"RowKey eq {AzureEscalationStore.RecordRow} and Status eq {"resolved"} and CreatedAt lt {resolvedBefore}"), cancellationToken);
        var reviewed = await reviews.DeleteAsync(TableClient.CreateQueryFilter($"CreatedAt lt {before}"), cancellationToken);
        var rows = await activity.DeleteBeforeAsync(now - options.Value.Retention.Activity, cancellationToken);
        return new ErasureReport(conversations, escalations, notifications, reviewed) { Activity = rows };
    }

    public async Task<ErasureReport> EraseConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var (escalations, notifications) = await DeleteEscalationsAsync(
            TableClient.CreateQueryFilter($"RowKey eq {AzureEscalationStore.RecordRow} and Conversation eq {conversationKey}"), cancellationToken);
        var reviewed = await reviews.ForgetConversationAsync(conversationKey, cancellationToken);
        using var state = await account.Conversations.DeleteEntityAsync(EntityText.Key(conversationKey), "state", ETag.All, cancellationToken);
        return new ErasureReport(state.Status == 404 ? 0 : 1, escalations, notifications, reviewed);
    }

    /// <summary>Each matching escalation's partition: the record and its outbox entries, in one transaction.</summary>
    private async Task<(int Escalations, int Notifications)> DeleteEscalationsAsync(string filter, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var record in account.Escalations.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
            ids.Add(record.PartitionKey);
        var notifications = 0;
        foreach (var id in ids) notifications += await escalations.DeleteAsync(id, cancellationToken);
        return (ids.Count, notifications);
    }
}
