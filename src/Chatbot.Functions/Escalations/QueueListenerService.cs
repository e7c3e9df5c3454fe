using Chatbot.Functions.State;
using Chatbot.Functions.State.Azure;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Escalations;

/// <summary>
/// Outside Azure Functions (a developer with Azurite, a container): receives the notification
/// queue as the Functions host would — a failed message comes back after a delay, and after
/// MaxDequeueCount deliveries it moves to the poison queue.
/// </summary>
public sealed partial class QueueListenerService(
    AzureStorageAccount account, QueuedNotifications queue, IOptions<StateOptions> state, IOptions<NotificationOptions> notifications, TimeProvider time,
    ILogger<QueueListenerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var received = 0;
            try
            {
                await account.ReadyAsync(stoppingToken);
                var messages = (await account.Notifications.ReceiveMessagesAsync(16, notifications.Value.Lease, stoppingToken)).Value;
                received = messages.Length;
                foreach (var message in messages)
                {
                    var text = message.MessageText;
                    var outcome = message.DequeueCount > state.Value.MaxDequeueCount ? Delivery.Unreadable : await queue.HandleAsync(text, stoppingToken);
                    if (outcome is Delivery.RetryLater)
                    {
                        await account.Notifications.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: notifications.Value.FirstRetryDelay, cancellationToken: stoppingToken);
                        continue;
                    }
                    if (outcome is Delivery.Unreadable)
                    {
                        await account.Poison.SendMessageAsync(text, stoppingToken);
                        Log.Poisoned(logger, message.MessageId, message.DequeueCount);
                    }
                    await account.Notifications.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
                }
            }
            catch (Exception e) when ((StorageFailure.Is(e) || e is TaskCanceledException) && !stoppingToken.IsCancellationRequested)
            {
                Log.ReceiveFailed(logger, e.GetType().Name);
            }
            if (received == 0) await Task.Delay(notifications.Value.PollInterval < TimeSpan.FromSeconds(2) ? notifications.Value.PollInterval : TimeSpan.FromSeconds(2), time, stoppingToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1313, Level = LogLevel.Error, Message = "Notification message {Id} moved to the poison queue after {Count} deliveries")]
        public static partial void Poisoned(ILogger logger, string id, long count);

        [LoggerMessage(EventId = 1314, Level = LogLevel.Warning, Message = "Notification queue unreachable ({Error}); will try again")]
        public static partial void ReceiveFailed(ILogger logger, string error);
    }
}
