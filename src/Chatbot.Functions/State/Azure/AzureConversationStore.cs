using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State.Azure;

/// <summary>
/// Conversation state in Table Storage, one entity per conversation, saved only if its ETag is
/// unchanged: turns on different instances never overwrite each other. An escalation is written
/// before the state (it cannot share its transaction: another table), and taken back if the state
/// lost a race — a patient is only ever told about an escalation that is stored.
/// </summary>
public sealed class AzureConversationStore(
    AzureStorageAccount account, AzureEscalationStore escalations, QueuedNotifications queue, IOptions<StateOptions> options, TimeProvider time) : IConversationStore
{
    private const string StateRow = "state";

    public async Task<StoredState> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var found = await account.Conversations.GetEntityIfExistsAsync<TableEntity>(EntityText.Key(conversationKey), StateRow, cancellationToken: cancellationToken);
        if (!found.HasValue) return new StoredState(ConversationState.New, null);
        var entity = found.Value!;
        // Past retention the conversation starts afresh, even before the purge deletes the entity.
        if (entity.GetDateTimeOffset("UpdatedAt") + options.Value.Retention.Conversations < time.GetUtcNow())
            return new StoredState(ConversationState.New, entity.ETag.ToString());
        var state = JsonSerializer.Deserialize(EntityText.Read(entity, "Json"), ChatbotJson.Default.ConversationState) ?? ConversationState.New;
        var answered = AnsweredActivities.Read(EntityText.Read(entity, "Answered"));
        return new StoredState(state, entity.ETag.ToString()) { Answered = answered };
    }

    public async Task<bool> TrySaveAsync(
        string conversationKey, ConversationState state, IReadOnlyList<AnsweredActivity> answered,
        string? expectedVersion, EscalationWrite? escalation, CancellationToken cancellationToken)
    {
        await account.ReadyAsync(cancellationToken);
        var notices = escalation switch
        {
            null => [],
            EscalationOpened opened => await escalations.OpenAsync(conversationKey, opened.Record, cancellationToken),
            EscalationChanged changed => await escalations.ApplyAsync(changed, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(escalation)),
        };
        var entity = new TableEntity(EntityText.Key(conversationKey), StateRow) { ["UpdatedAt"] = time.GetUtcNow() };
        EntityText.Write(entity, "Json", JsonSerializer.Serialize(state, ChatbotJson.Default.ConversationState));
        // In the same entity, so in the same conditional write as the turn's state.
        EntityText.Write(entity, "Answered", AnsweredActivities.Write(answered));
        try
        {
            if (expectedVersion is null) await account.Conversations.AddEntityAsync(entity, cancellationToken);
            else await account.Conversations.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            if (escalation is EscalationOpened lost) await escalations.DeleteAsync(lost.Record.Id, cancellationToken);
            return false;
        }
        await queue.AnnounceAsync(notices, cancellationToken);
        return true;
    }
}
