using System.Text.Json;
using System.Text.Json.Serialization;
using Chatbot.Functions.State;
using Chatbot.Functions.State.Azure;

namespace Chatbot.Functions.Escalations;

/// <summary>Which outbox entry to deliver: the queue carries references, never the notice itself.</summary>
public sealed record NotificationMessage(string EscalationId, string OutboxId);

/// <summary>
/// Notification work on Azure Queue Storage. A stored outbox entry is announced on the queue; the
/// <c>notify</c> function (on Functions) or <see cref="QueueListenerService"/> (elsewhere) delivers
/// it. An announcement that fails is not lost: the entry is in the table and the sweep finds it.
/// </summary>
public sealed partial class QueuedNotifications(AzureStorageAccount account, IEscalationStore store, OutboxDispatcher dispatcher, ILogger<QueuedNotifications> logger)
{
    public async Task AnnounceAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            try
            {
                await account.Notifications.SendMessageAsync(
                    JsonSerializer.Serialize(new NotificationMessage(entry.EscalationId, entry.Id), NotificationJson.Default.NotificationMessage), cancellationToken);
            }
            catch (Exception e) when ((StorageFailure.Is(e) || e is TaskCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                Log.AnnouncementFailed(logger, entry.EscalationId, e.GetType().Name);
            }
        }
    }

    /// <summary>One delivery attempt for a queue message; <see cref="Delivery.RetryLater"/> leaves it to the queue's retries.</summary>
    public async Task<Delivery> HandleAsync(string message, CancellationToken cancellationToken)
    {
        NotificationMessage? work;
        try
        {
            work = JsonSerializer.Deserialize(message, NotificationJson.Default.NotificationMessage);
        }
        catch (JsonException)
        {
            work = null;
        }
        if (work is not { EscalationId.Length: > 0, OutboxId.Length: > 0 })
        {
            // No retry will make it readable: to the poison queue, for someone to look at.
            Log.Unreadable(logger);
            return Delivery.Unreadable;
        }
        // Erased or purged meanwhile: nothing left to say.
        if (await store.GetOutboxEntryAsync(work.EscalationId, work.OutboxId, cancellationToken) is not { } entry) return Delivery.AlreadyDone;
        return await dispatcher.DeliverAsync(entry, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "Could not queue the notification of {Escalation} ({Error}); the outbox sweep will deliver it")]
        public static partial void AnnouncementFailed(ILogger logger, string escalation, string error);

        [LoggerMessage(EventId = 1312, Level = LogLevel.Error, Message = "A notification queue message could not be read; it goes to the poison queue")]
        public static partial void Unreadable(ILogger logger);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NotificationMessage))]
public sealed partial class NotificationJson : JsonSerializerContext;
