using System.Globalization;
using System.Text;

namespace Chatbot.Core.Dashboard;

/// <summary>
/// The dashboard as CSV (RFC 4180): a header line, then one line per day or week. Only counts, dates and
/// the reasons' names: nothing a patient wrote can reach it.
/// </summary>
public static class ActivityCsv
{
    public static string Header { get; } = string.Join(',', [
        "period", "start", "end", "conversations", "turns", "answers", "clarifications", "not_in_documents",
        "not_understood", "escalations", .. ActivityReport.Reasons.Select(r => "escalations_" + r), "escalations_other",
        "acknowledged", "median_seconds_to_acknowledge", "p90_seconds_to_acknowledge"]);

    public static string Of(ActivityReport report)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var b in report.Buckets)
        {
            var known = ActivityReport.Reasons.Select(r => b.Escalations.GetValueOrDefault(r)).ToList();
            var all = b.Escalations.Values.Sum();
            object?[] fields =
            [
                b.Label, Date(b.Start), Date(b.End), b.Conversations, b.Turns, b.Answers, b.Clarifications,
                b.NotInDocuments, b.NotUnderstood, all, .. known.Cast<object?>(), all - known.Sum(),
                b.Acknowledged, b.MedianSecondsToAcknowledge, b.P90SecondsToAcknowledge,
            ];
            csv.AppendJoin(',', fields.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture))).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
