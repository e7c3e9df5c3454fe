using Chatbot.Core.Dashboard;

namespace Chatbot.Functions.State;

/// <summary>
/// The activity dashboard's anonymous rows (<see cref="ActivityRow"/>): written one per turn, read by time
/// range. Counting them is <see cref="ActivityReport"/>'s business, the same for every store.
/// </summary>
public interface IActivityStore
{
    /// <summary>
    /// Keeps the row. It may complete once the row is queued for writing (SQLite: behind the turn's own
    /// commit), not written: a later <see cref="ReadAsync"/> still sees it.
    /// </summary>
    Task AddAsync(ActivityRow row, CancellationToken cancellationToken);

    /// <summary>The rows from <paramref name="from"/> (included) to <paramref name="to"/> (excluded).</summary>
    Task<IReadOnlyList<ActivityRow>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Retention: the rows before <paramref name="before"/> go. Returns how many.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
