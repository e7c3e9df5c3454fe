using Chatbot.Functions.Escalations;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State;

/// <summary>
/// The daily <c>retention</c> timer function: deletes what is past its retention. Outside Azure
/// Functions <see cref="RetentionService"/> runs the same purge every PurgeInterval.
/// </summary>
public static partial class RetentionFunction
{
    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        app.MapPost("/retention", async (IDataRetention retention, ILogger<RetentionService> logger, CancellationToken ct) =>
        {
            var purged = await retention.PurgeExpiredAsync(ct);
            Log.Purged(logger, purged.Conversations, purged.Escalations, purged.Notifications);
            return InvocationResult.Logged($"retention: {purged}");
        });
        return app;
    }

    internal static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Retention: {Conversations} conversations, {Escalations} resolved escalations and {Notifications} notifications deleted")]
        public static partial void Purged(ILogger logger, int conversations, int escalations, int notifications);

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
                var purged = await retention.PurgeExpiredAsync(stoppingToken);
                RetentionFunction.Log.Purged(logger, purged.Conversations, purged.Escalations, purged.Notifications);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                RetentionFunction.Log.PurgeFailed(logger, e.GetType().Name);
            }
            await Task.Delay(options.Value.Retention.PurgeInterval, time, stoppingToken);
        }
    }
}
