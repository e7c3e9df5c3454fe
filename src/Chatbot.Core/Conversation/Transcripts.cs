using Chatbot.Core.Escalation;

namespace Chatbot.Core.Conversation;

/// <summary>
/// Keeps the last lines of a conversation for staff, masked as they are written: the patient's
/// personal data never reaches storage or a notification in clear.
/// </summary>
public static class Transcripts
{
    /// <summary>Five exchanges: enough context for staff, small enough to store with every turn.</summary>
    public const int MaxLines = 10;
    public const int MaxLineLength = 300;

    /// <summary>The bot's own lines are kept short: staff need what it did, the quotes are in the documents.</summary>
    public const int MaxBotLineLength = 120;

    public static IReadOnlyList<TranscriptLine> Append(IReadOnlyList<TranscriptLine> transcript, string? patient, TurnResult reply)
    {
        var lines = transcript.ToList();
        lines.Add(PatientLine(patient));
        lines.Add(new TranscriptLine("bot", BotLine(reply)));
        return lines.Count <= MaxLines ? lines : lines[^MaxLines..];
    }

    /// <summary>The patient's message as kept and shown to staff: masked, on one line, shortened.</summary>
    public static TranscriptLine PatientLine(string? patient) =>
        new("patient", Shorten("", PersonalDataMask.Mask(patient ?? ""), MaxLineLength));

    /// <summary>How the bot's reply is kept: what it did, on which topic, and the start of its text.</summary>
    public static string BotLine(TurnResult reply) => Shorten($"[{reply.Action}/{reply.Topic}] ", reply.Text, MaxBotLineLength);

    /// <summary>The line <paramref name="prefix"/> + <paramref name="text"/>, on one line and at most <paramref name="max"/> characters.</summary>
    private static string Shorten(string prefix, string text, int max)
    {
        // Cut before joining and replacing line endings: a bot line is a whole answer, and only 120 characters are kept.
        var cut = prefix.Length + text.Length > 2 * max;
        var line = (cut ? string.Concat(prefix, text.AsSpan(0, Math.Max(0, 2 * max - prefix.Length))) : prefix + text).ReplaceLineEndings(" ");
        return line.Length <= max && !cut ? line : line[..Math.Min(line.Length, max - 1)] + "…";
    }
}
