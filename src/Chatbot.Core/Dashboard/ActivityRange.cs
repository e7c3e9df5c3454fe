using System.Globalization;

namespace Chatbot.Core.Dashboard;

/// <summary>
/// The days the dashboard shows, in the hospital's time zone, cut into days or ISO weeks (Monday to Sunday; a
/// range by week is widened to whole weeks). What staff may ask is checked here, with the reason when refused.
/// </summary>
public sealed record ActivityRange(string Period, DateOnly From, DateOnly To)
{
    public const string Day = "day";
    public const string Week = "week";

    /// <summary>At most a year (and a week, once widened to whole weeks): a chart staff can still read.</summary>
    public const int MaxDays = 366;

    public const int DefaultDays = 14;
    public const int DefaultWeeks = 8;

    private static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The first day of each bucket, in order; every bucket is there, empty or not.</summary>
    public IReadOnlyList<DateOnly> Starts()
    {
        var step = Period == Week ? 7 : 1;
        var starts = new List<DateOnly>();
        for (var day = From; day <= To; day = day.AddDays(step)) starts.Add(day);
        return starts;
    }

    /// <summary>The first day of the bucket <paramref name="day"/> falls in.</summary>
    public DateOnly BucketOf(DateOnly day) => Period == Week ? Monday(day) : day;

    public DateOnly EndOf(DateOnly start) => Period == Week ? start.AddDays(6) : start;

    /// <summary>"2026-12-07" for a day, "2026-W50" for an ISO week.</summary>
    public string Label(DateOnly start)
    {
        if (Period == Day) return start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var date = start.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    /// <summary>The instants to read rows between: from the first day's midnight to the midnight after the last.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Instants(TimeZoneInfo zone) =>
        (Midnight(From, zone), Midnight(To.AddDays(1), zone));

    /// <summary>
    /// The range asked (each value may be missing), or null with the reason. Without dates: the last
    /// <see cref="DefaultDays"/> days or <see cref="DefaultWeeks"/> weeks up to <paramref name="today"/>.
    /// </summary>
    public static ActivityRange? Parse(string? period, string? from, string? to, DateOnly today, out string? refused)
    {
        refused = null;
        period = string.IsNullOrEmpty(period) ? Day : period;
        if (period is not (Day or Week)) return Refuse("period must be day or week", out refused);
        if (!TryDate(to, today, out var last)) return Refuse("to must be a date, yyyy-MM-dd", out refused);
        var earliest = period == Week ? Monday(last).AddDays(-7 * (DefaultWeeks - 1)) : last.AddDays(1 - DefaultDays);
        if (!TryDate(from, earliest, out var first)) return Refuse("from must be a date, yyyy-MM-dd", out refused);
        if (first > last) return Refuse("from must not be after to", out refused);
        if (first < Earliest || last > today.AddYears(1))
            return Refuse("the dates must lie between 2000-01-01 and a year from today", out refused);
        var range = period == Week
            ? new ActivityRange(period, Monday(first), Monday(last).AddDays(6))
            : new ActivityRange(period, first, last);
        if (range.To.DayNumber - range.From.DayNumber + 1 > MaxDays + 6 || last.DayNumber - first.DayNumber + 1 > MaxDays)
            return Refuse($"at most {MaxDays} days at a time", out refused);
        return range;
    }

    private static bool TryDate(string? text, DateOnly otherwise, out DateOnly date)
    {
        date = otherwise;
        return string.IsNullOrEmpty(text)
            || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static ActivityRange? Refuse(string reason, out string? refused)
    {
        refused = reason;
        return null;
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
