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
        lines.Add(new TranscriptLine("patient", Shorten(PersonalDataMask.Mask(patient ?? ""))));
        // The answer is cut before the line is built: it can be a page of quotes, and 120 characters are kept.
        var answer = reply.Text.Length > 2 * MaxBotLineLength ? reply.Text[..(2 * MaxBotLineLength)] : reply.Text;
        lines.Add(new TranscriptLine("bot", Shorten($"[{reply.Action}/{reply.Topic}] {answer}", MaxBotLineLength)));
        return lines.Count <= MaxLines ? lines : lines[^MaxLines..];
    }

    private static string Shorten(string text, int max = MaxLineLength)
    {
        // Cut before replacing line endings: a bot line is a whole answer, and only 120 characters are kept.
        var cut = text.Length > 2 * max;
        text = (cut ? text[..(2 * max)] : text).ReplaceLineEndings(" ");
        return text.Length <= max && !cut ? text : text[..Math.Min(text.Length, max - 1)] + "…";
    }
}
