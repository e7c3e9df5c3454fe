using System.Text.Json.Serialization;

namespace Chatbot.Core.Review;

/// <summary>Why a turn is kept for the editors. Values are part of the staff API and of the export.</summary>
public static class ReviewReasons
{
    /// <summary>Not understood: "I did not understand", the common questions as buttons.</summary>
    public const string Fallback = "fallback";

    /// <summary>Understood, but the documents say nothing on it for this procedure.</summary>
    public const string NotInDocuments = "not_in_documents";

    /// <summary>Answered from a topic the bot was not sure of.</summary>
    public const string LowConfidence = "low_confidence";

    /// <summary>Answered, but the quotes were not enough: the team was offered.</summary>
    public const string EscalationOffered = "escalation_offered";

    /// <summary>The patient said the answer did not help.</summary>
    public const string ThumbsDown = "thumbs_down";
}

/// <summary>
/// One patient question the bot failed on, kept for the editors: the question masked (as escalation
/// transcripts are), what the bot made of it, and the snippets it showed. Never the patient's contact.
/// </summary>
/// <param name="Conversation">The conversation's key: erasure and retention follow the conversation's.</param>
/// <param name="Question">The patient's message, through <see cref="Escalation.PersonalDataMask"/>.</param>
/// <param name="Topic">The topic guess, even below the confidence the bot answers at.</param>
/// <param name="SnippetIds">The snippets quoted in the reply, in order; empty when none were shown.</param>
public sealed record ReviewEntry(
    string Id,
    string Conversation,
    string Reason,
    string Question,
    string Language,
    string Topic,
    double Confidence,
    string? Procedure,
    IReadOnlyList<string> SnippetIds,
    DateTimeOffset At)
{
    /// <summary>When an editor marked it handled (null while it waits).</summary>
    public DateTimeOffset? HandledAt { get; init; }

    /// <summary>Who marked it handled, as the staff sign-in names them.</summary>
    public string? HandledBy { get; init; }

    public static string NewId() => "rv-" + Guid.NewGuid().ToString("N")[..16];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReviewEntry))]
[JsonSerializable(typeof(IReadOnlyList<ReviewEntry>))]
[JsonSerializable(typeof(ReviewBoard))]
[JsonSerializable(typeof(AnswerRating))]
public sealed partial class ReviewJson : JsonSerializerContext;
