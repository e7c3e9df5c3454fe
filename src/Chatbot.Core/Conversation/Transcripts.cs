using Chatbot.Core.Escalation;

namespace Chatbot.Core.Conversation;

/// <summary>
/// Keeps the last lines of a conversation for staff, masked as they are written: the patient's
/// personal data never reaches storage or a notification in clear.
/// </summary>
public static class Transcripts
{
    public const int MaxLines = 12;
    public const int MaxLineLength = 400;

    public static IReadOnlyList<TranscriptLine> Append(IReadOnlyList<TranscriptLine> transcript, string? patient, TurnResult reply)
    {
        var lines = transcript.ToList();
        lines.Add(new TranscriptLine("patient", Shorten(PersonalDataMask.Mask(patient ?? ""))));
        lines.Add(new TranscriptLine("bot", Shorten($"[{reply.Action}/{reply.Topic}] {reply.Text}")));
        return lines.Count <= MaxLines ? lines : lines[^MaxLines..];
    }

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxLineLength ? text : text[..(MaxLineLength - 1)] + "…";
    }
}
