using System.Globalization;
using Chatbot.Core.Conversation;

namespace Chatbot.Core.Escalation;

/// <summary>
/// The order staff work in: open before acknowledged before resolved, emergencies first, newest first
/// within a status. Written as one text key that sorts in that order, so each store sorts and pages
/// with its own index (an SQLite column, a Table Storage row key) and both agree.
/// </summary>
public static class EscalationOrder
{
    /// <summary>An escalation's place: status, urgency, age, id (two created in the same tick still differ).</summary>
    public static string Key(EscalationRecord record)
    {
        var urgency = record.Reason == EscalationReasons.Emergency ? '0' : '1';
        // Newest first: the time to the end of time, zero-padded, grows smaller as creation gets later.
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - record.CreatedAt.UtcTicks)
            .ToString("D19", CultureInfo.InvariantCulture);
        return $"{Rank(record.Status)}{urgency}{newestFirst}-{record.Id}";
    }

    /// <summary>The keys of a status (all, if null): from <c>From</c> (included) to <c>To</c> (excluded).</summary>
    public static (string From, string To) Range(string? status)
    {
        if (status is null) return ("0", ":"); // ':' follows the digits
        var rank = Rank(status);
        return (rank.ToString(CultureInfo.InvariantCulture), (rank + 1).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Whether a text can be a key (a continuation token from a client is checked before use).</summary>
    public static bool IsKey(string text) =>
        text.Length is > 22 and <= 200 && text[..21].All(char.IsAsciiDigit) && text[21] == '-';

    /// <summary>The order staff work through the statuses in; an unknown status after them.</summary>
    private static int Rank(string status) => status switch
    {
        EscalationStatus.Open => 0,
        EscalationStatus.Acknowledged => 1,
        EscalationStatus.Resolved => 2,
        _ => 3,
    };
}
