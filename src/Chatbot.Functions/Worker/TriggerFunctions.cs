using Chatbot.Functions.Escalations;
using Chatbot.Functions.State;
using Microsoft.Azure.Functions.Worker;

namespace Chatbot.Functions.Worker;

/// <summary>
/// The queue and timer functions: on a serverless plan work outside an invocation is not protected,
/// so these, not the plain server's background loops, guarantee notices and purges happen.
/// </summary>
public sealed class TriggerFunctions(IServiceProvider services, ILogger<TriggerFunctions> logger)
{
    /// <summary>A failure throws: the host retries, then moves the message to notifications-poison.</summary>
    [Function("notify")]
    public Task Notify([QueueTrigger("notifications", Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        (services.GetService<QueuedNotifications>() ?? throw new InvalidOperationException("notify needs Storage:Provider=AzureStorage"))
            .AttemptAsync(message, cancellationToken);

    /// <summary>Delivers the outbox entries that are due (retries, and any announcement that was lost).</summary>
    [Function("dispatch")]
    public Task Dispatch([TimerTrigger("0 */1 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(cancellationToken);

    [Function("retention")]
    public Task Retention([TimerTrigger("0 17 3 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        services.GetRequiredService<IDataRetention>().PurgeOnceAsync(logger, cancellationToken);
}
