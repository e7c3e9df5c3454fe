using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Escalations;

/// <summary>
/// Runs the outbox dispatcher in the running process: at once when an escalation is opened, and
/// every poll interval for retries. (On a serverless plan the timer-triggered /dispatch function
/// also runs it, since work outside a request is not protected there.)
/// </summary>
public sealed partial class DispatcherService(
    OutboxDispatcher dispatcher, IOptions<NotificationOptions> options, IOptions<State.StateOptions> storage, TimeProvider time, ILogger<DispatcherService> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, int.MaxValue);

    /// <summary>
    /// An escalation was just opened: deliver now rather than at the next poll (if anything is to be
    /// delivered). With Azure Storage the queue does that.
    /// </summary>
    public void Wake()
    {
        if (options.Value.Channels().Any() && !storage.Value.UsesAzureStorage) wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PassFailed(logger, e.GetType().Name);
            }
            using var timeout = new CancellationTokenSource(options.Value.PollInterval, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
            try
            {
                await wake.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // the poll interval elapsed
            }
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "Outbox pass failed ({Error}); will try again")]
        public static partial void PassFailed(ILogger logger, string error);
    }
}
