using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State;

/// <summary>
/// Deletes what is past its retention: once a day by the <c>retention</c> timer function on Azure
/// Functions, every PurgeInterval by <see cref="RetentionService"/> elsewhere.
/// </summary>
public static partial class RetentionPurge
{
    public static async Task<ErasureReport> PurgeOnceAsync(
        this IDataRetention retention, ILogger logger, CancellationToken cancellationToken)
    {
        var purged = await retention.PurgeExpiredAsync(cancellationToken);
        Log.Purged(logger, purged.Conversations, purged.Escalations, purged.Notifications, purged.Reviews, purged.Activity);
        return purged;
    }

    internal static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Retention: {Conversations} conversations, {Escalations} resolved escalations and {Notifications} notifications, {Reviews} review entries and ratings, {Activity} dashboard rows deleted")]
        public static partial void Purged(ILogger logger, int conversations, int escalations, int notifications, int reviews, int activity);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Retention purge failed ({Error}); will try again")]
        public static partial void PurgeFailed(ILogger logger, string error);
    }
}

public sealed class RetentionService(IDataRetention retention, IOptions<StateOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await retention.PurgeOnceAsync(logger, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                RetentionPurge.Log.PurgeFailed(logger, e.GetType().Name);
            }
            await Task.Delay(options.Value.Retention.PurgeInterval, time, stoppingToken);
        }
    }
}
