using Chatbot.Core.Conversation;

namespace Chatbot.Core.Review;

/// <summary>
/// Which turns the editors see again, and what is kept of them: one rule for every store. A turn is kept
/// when the bot did not understand, the documents were silent, the reply was read from an unsure topic
/// (an answer, a clarification, or small talk: "sauna et hammam" read as a greeting), or the quotes were
/// not enough and the team was offered. Emergencies, requests for a person and
/// messages relayed to staff are the escalations' business, not the editors'.
/// </summary>
public static class ReviewRules
{
    /// <summary>A reply read from a topic with less certainty than this is kept (the bot answers from 0.40).</summary>
    public const double SureEnough = 0.60;

    /// <summary>Why this turn is kept; null when it is not.</summary>
    public static string? ReasonFor(Turn turn)
    {
        var result = turn.Result;
        return turn.Decision switch
        {
            Emergency or Escalate or RelayToStaff or CallbackNoted => null,
            // An empty message or a bare emoji says nothing an editor could add as an example.
            Fallback when string.IsNullOrWhiteSpace(turn.State.Transcript.LastOrDefault(l => l.From == "patient")?.Text)
                => null,
            Fallback => ReviewReasons.Fallback,
            NotInTheDocuments => ReviewReasons.NotInDocuments,
            _ when result.Escalation is EscalationOffered && result.Action == Actions.Answer
                => ReviewReasons.EscalationOffered,
            // A guess: quotes of an unsure topic, a "which procedure?" on one, or a hello to a question.
            // A procedure named without a question is noted, whatever topic it was read as: nothing failed.
            SmallTalk { ReplyKey: ReplyKeys.ProcedureNoted } => null,
            Answer or Clarify or SmallTalk when result.Confidence < SureEnough => ReviewReasons.LowConfidence,
            _ when result.Escalation is EscalationOffered => ReviewReasons.EscalationOffered,
            _ => null,
        };
    }

    /// <summary>The entry to keep for this turn of <paramref name="conversation"/>, or null.</summary>
    /// <param name="question">The patient's message as received: masked here, as transcripts are.</param>
    public static ReviewEntry? Keep(Turn turn, string conversation, string? question, string id, DateTimeOffset at) =>
        ReasonFor(turn) is { } reason ? Entry(turn.Result, reason, conversation, question, id, at) : null;

    /// <summary>An entry for an answer the patient rated down, from what the bot said it was (its channelData).</summary>
    public static ReviewEntry ThumbsDown(RatedAnswer answer, string conversation, string? question, string id, DateTimeOffset at) =>
        new(id, conversation, ReviewReasons.ThumbsDown, Transcripts.PatientLine(question).Text, answer.Language,
            answer.Topic, answer.Confidence, answer.Procedure, answer.SnippetIds, at);

    /// <summary>
    /// The patient's message that <paramref name="answer"/> replied to, as the transcript keeps it (masked): the
    /// patient line just before the bot's line of that reply; null when it has left the transcript.
    /// </summary>
    public static string? QuestionOf(IReadOnlyList<TranscriptLine> transcript, string botLine)
    {
        for (var i = transcript.Count - 1; i > 0; i--)
        {
            if (transcript[i].From == "bot" && transcript[i].Text == botLine && transcript[i - 1].From == "patient")
                return transcript[i - 1].Text;
        }
        return null;
    }

    private static ReviewEntry Entry(
        TurnResult result, string reason, string conversation, string? question, string id, DateTimeOffset at) =>
        new(id, conversation, reason, Transcripts.PatientLine(question).Text, result.Language, result.Topic,
            result.Confidence, result.Procedure, result.Citations.Select(c => c.SnippetId).Distinct().ToList(), at);
}
