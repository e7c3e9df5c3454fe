using Chatbot.Core.Conversation;
using Chatbot.Core.Dashboard;
using Chatbot.Functions.Hosting;
using Chatbot.Functions.State;
using Chatbot.Functions.Telemetry;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Dashboard;

/// <summary>
/// Keeps the activity dashboard's rows (<see cref="ActivityRules"/>) and reads them back as figures
/// (<see cref="ActivityReport"/>). Days are the hospital's (<c>OfficeHours:TimeZone</c>). A row that cannot be
/// kept is lost and logged: the patient's answer and the nurse's action never wait on it or fail for it.
/// </summary>
public sealed partial class ActivityLog(
    IActivityStore store, Pseudonyms pseudonyms, IOptions<OfficeHoursOptions> officeHours, TimeProvider time,
    ILogger<ActivityLog> logger)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(officeHours.Value.TimeZone);

    /// <summary>Today in the hospital: what a range without dates ends with.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>A saved turn of <paramref name="conversation"/> (hashed here, with its week).</summary>
    public Task TurnAsync(
        string conversation, Turn turn, string? opened, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var hash = pseudonyms.Of(ActivityRules.ConversationSalt(at, Zone) + "|" + conversation);
        return KeepAsync(ActivityRules.OfTurn(turn, hash, opened, at), cancellationToken);
    }

    /// <summary>Staff first took an escalation: how long it waited.</summary>
    public Task AcknowledgedAsync(
        string reason, string language, DateTimeOffset created, CancellationToken cancellationToken) =>
        KeepAsync(ActivityRules.Acknowledged(reason, language, created, time.GetUtcNow()), cancellationToken);

    public async Task<ActivityReport> ReportAsync(ActivityRange range, CancellationToken cancellationToken)
    {
        var (from, to) = range.Instants(Zone);
        return ActivityReport.Of(range, await store.ReadAsync(from, to, cancellationToken), Zone);
    }

    private async Task KeepAsync(ActivityRow row, CancellationToken cancellationToken)
    {
        try
        {
            await store.AddAsync(row, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            Log.NotKept(logger, row.Outcome, e.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1701, Level = LogLevel.Warning,
            Message = "A row of the activity dashboard ({Outcome}) was not kept: the store failed ({Error})")]
        public static partial void NotKept(ILogger logger, string outcome, string error);
    }
}
