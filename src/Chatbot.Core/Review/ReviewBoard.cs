namespace Chatbot.Core.Review;

/// <summary>The questions of one topic and procedure, newest first.</summary>
public sealed record ReviewGroup(string Topic, string? Procedure, int Count, DateTimeOffset Newest, IReadOnlyList<ReviewEntry> Entries);

/// <summary>How patients rated the answers that quoted one snippet.</summary>
public sealed record SnippetFeedback(string SnippetId, int Up, int Down);

/// <summary>
/// The "Questions à revoir" page: the entries grouped by topic and procedure, the group with the newest
/// question first, and the patients' ratings per snippet. Built here so both stores show the same page.
/// </summary>
public sealed record ReviewBoard(int Waiting, IReadOnlyList<ReviewGroup> Groups, IReadOnlyList<SnippetFeedback> Feedback)
{
    public static ReviewBoard Of(IEnumerable<ReviewEntry> entries, IEnumerable<AnswerRating>? ratings = null)
    {
        var groups = entries
            .GroupBy(e => (e.Topic, e.Procedure))
            .Select(g => g.OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList())
            .Select(g => new ReviewGroup(g[0].Topic, g[0].Procedure, g.Count, g[0].At, g))
            .OrderByDescending(g => g.Newest).ThenBy(g => g.Topic, StringComparer.Ordinal)
            .ToList();
        return new(groups.Sum(g => g.Entries.Count(e => e.HandledAt is null)), groups, AnswerRating.PerSnippet(ratings ?? []));
    }
}
