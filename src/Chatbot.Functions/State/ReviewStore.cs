using Chatbot.Core.Review;

namespace Chatbot.Functions.State;

/// <summary>
/// The editors' review loop: questions the bot failed on, and patients' ratings of answers. Kept and
/// erased with their conversation (<see cref="IDataRetention"/>): the same retention, the same erasure.
/// </summary>
public interface IReviewStore
{
    Task AddAsync(ReviewEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first, at most <paramref name="limit"/>; handled ones only when asked.</summary>
    Task<IReadOnlyList<ReviewEntry>> ListAsync(bool withHandled, int limit, CancellationToken cancellationToken);

    /// <summary>Null when there is no such entry.</summary>
    Task<ReviewEntry?> MarkHandledAsync(string id, string who, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Keeps the rating, replacing an earlier one of the same answer.</summary>
    Task RateAsync(AnswerRating rating, CancellationToken cancellationToken);

    Task<IReadOnlyList<AnswerRating>> RatingsAsync(CancellationToken cancellationToken);

    /// <summary>The patient asked to be forgotten: this conversation's entries and ratings go. Returns how many.</summary>
    Task<int> ForgetConversationAsync(string conversation, CancellationToken cancellationToken);
}
