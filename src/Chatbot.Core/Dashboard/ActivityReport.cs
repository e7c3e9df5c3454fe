using Chatbot.Core.Conversation;

namespace Chatbot.Core.Dashboard;

/// <summary>One day or one week of the dashboard.</summary>
/// <param name="Conversations">Distinct conversations with a turn in the bucket.</param>
/// <param name="Escalations">Escalations opened, by reason (every known reason is listed, 0 or not).</param>
/// <param name="Acknowledged">Escalations opened in the bucket that staff have taken (acknowledged or answered).</param>
/// <param name="MedianSecondsToAcknowledge">Of those, the median wait in seconds; null when none was taken.</param>
public sealed record ActivityBucket(
    string Label,
    DateOnly Start,
    DateOnly End,
    int Conversations,
    int Turns,
    int Answers,
    int Clarifications,
    int NotInDocuments,
    int NotUnderstood,
    IReadOnlyDictionary<string, int> Escalations,
    int Acknowledged,
    double? MedianSecondsToAcknowledge,
    double? P90SecondsToAcknowledge);

/// <summary>A topic the documents did not answer, and how often in the range.</summary>
public sealed record UnansweredTopic(string Topic, int Count);

/// <summary>
/// The activity dashboard: rows counted into days or weeks of the hospital's time zone. A pure function of the
/// rows, so both stores only write rows and read those of a time range.
/// </summary>
public sealed record ActivityReport(
    string Period,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ActivityBucket> Buckets,
    IReadOnlyList<UnansweredTopic> Unanswered)
{
    public const int TopicsShown = 5;

    /// <summary>The reasons every bucket lists, in this order (the CSV's columns).</summary>
    public static readonly IReadOnlyList<string> Reasons =
    [
        EscalationReasons.Emergency, EscalationReasons.HumanRequested, EscalationReasons.MedicalAdvice,
        EscalationReasons.Unanswered, EscalationReasons.LowConfidence,
    ];

    public static ActivityReport Of(ActivityRange range, IEnumerable<ActivityRow> rows, TimeZoneInfo zone)
    {
        var byBucket = rows
            .Select(row => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(row.At, zone).DateTime), Row: row))
            .Where(r => r.Day >= range.From && r.Day <= range.To)
            .ToLookup(r => range.BucketOf(r.Day), r => r.Row);
        var buckets = range.Starts().Select(start => Bucket(range, start, [.. byBucket[start]])).ToList();
        var unanswered = byBucket.SelectMany(b => b)
            .Where(r => r.Outcome == ActivityOutcomes.NotInDocuments)
            .GroupBy(r => r.Topic, StringComparer.Ordinal)
            .Select(g => new UnansweredTopic(g.Key, g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Topic, StringComparer.Ordinal)
            .Take(TopicsShown).ToList();
        return new ActivityReport(range.Period, range.From, range.To, buckets, unanswered);
    }

    private static ActivityBucket Bucket(ActivityRange range, DateOnly start, IReadOnlyList<ActivityRow> rows)
    {
        var turns = rows.Where(r => r.Outcome != ActivityOutcomes.Acknowledged).ToList();
        int Count(string outcome) => turns.Count(r => r.Outcome == outcome);
        var escalations = Reasons.ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
        foreach (var reason in turns.Select(r => r.Escalated).OfType<string>())
            escalations[reason] = escalations.GetValueOrDefault(reason) + 1;
        var waits = rows.Where(r => r.Outcome == ActivityOutcomes.Acknowledged)
            .Select(r => r.WaitSeconds).OfType<double>().Order().ToList();
        return new ActivityBucket(
            range.Label(start), start, range.EndOf(start),
            turns.Select(r => r.Conversation).OfType<string>().Distinct(StringComparer.Ordinal).Count(),
            turns.Count, Count(ActivityOutcomes.Answer), Count(ActivityOutcomes.Clarification),
            Count(ActivityOutcomes.NotInDocuments), Count(ActivityOutcomes.NotUnderstood), escalations,
            waits.Count, Percentile(waits, 0.5), Percentile(waits, 0.9));
    }

    /// <summary>
    /// Linear between the closest ranks (as a spreadsheet's PERCENTILE.INC): the median of two waits is their
    /// mean. Rounded to a tenth of a second. Null for no waits.
    /// </summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return Math.Round(sorted[below] + (rank - below) * (sorted[above] - sorted[below]), 1);
    }
}
