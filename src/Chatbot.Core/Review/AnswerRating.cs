namespace Chatbot.Core.Review;

/// <summary>
/// A patient's thumbs up or down on one answer (the reply activity <paramref name="ActivityId"/>), kept
/// against the snippets that answer quoted. One per answer: rating it again replaces the rating.
/// </summary>
public sealed record AnswerRating(
    string Conversation, string ActivityId, bool Helpful, IReadOnlyList<string> SnippetIds, DateTimeOffset At)
{
    /// <summary>Up and down per snippet, the most rated down first.</summary>
    public static IReadOnlyList<SnippetFeedback> PerSnippet(IEnumerable<AnswerRating> ratings) =>
        ratings.SelectMany(r => r.SnippetIds.Distinct().Select(s => (Snippet: s, r.Helpful)))
            .GroupBy(x => x.Snippet)
            .Select(g => new SnippetFeedback(g.Key, g.Count(x => x.Helpful), g.Count(x => !x.Helpful)))
            .OrderByDescending(f => f.Down).ThenBy(f => f.SnippetId, StringComparer.Ordinal)
            .ToList();
}

/// <summary>What the bot said an answer was (topic, confidence, procedure, snippets), read back from the reply.</summary>
public sealed record RatedAnswer(string Language, string Topic, double Confidence, string? Procedure, IReadOnlyList<string> SnippetIds);
