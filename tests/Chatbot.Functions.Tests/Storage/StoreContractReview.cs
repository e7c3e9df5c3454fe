using Chatbot.Core.Conversation;
using Chatbot.Core.Review;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>The editors' review loop in either store: kept, listed, handled, and gone with the conversation.</summary>
public abstract partial class StoreContract
{
    private IReviewStore Reviews => app.Services.GetRequiredService<IReviewStore>();

    private ReviewEntry Kept(string conversation, string question, string topic = "recovery", string reason = ReviewReasons.Fallback) =>
        new(ReviewEntry.NewId(), $"emulator:{conversation}", reason, question, "fr", topic, 0.2, null, ["vert-recovery-1"], Time.GetUtcNow());

    [Fact]
    public async Task KeptQuestions_AreListedNewestFirst_AndOneMarkedHandledLeavesTheWaitingList()
    {
        var older = Kept("review-a", "sauna et hammam ?");
        await Reviews.AddAsync(older, None);
        Time.Advance(TimeSpan.FromMinutes(5));
        var newer = Kept("review-b", "jacuzzi ?");
        await Reviews.AddAsync(newer, None);

        Assert.Equal([newer.Id, older.Id], (await Reviews.ListAsync(false, 10, None)).Select(e => e.Id));
        var handled = await Reviews.MarkHandledAsync(older.Id, "Claire (éditrice)", Time.GetUtcNow(), None);

        Assert.Equal(("Claire (éditrice)", Time.GetUtcNow()), (handled!.HandledBy, handled.HandledAt!.Value));
        Assert.Equal([newer.Id], (await Reviews.ListAsync(false, 10, None)).Select(e => e.Id));
        var all = await Reviews.ListAsync(true, 10, None);
        Assert.Equal("Claire (éditrice)", all.Single(e => e.Id == older.Id).HandledBy);
        Assert.Equal(["vert-recovery-1"], all.Single(e => e.Id == newer.Id).SnippetIds);
        Assert.Null(await Reviews.MarkHandledAsync("rv-unknown", "Claire", Time.GetUtcNow(), None));
    }

    [Fact]
    public async Task RatingAnAnswerAgain_ReplacesTheRating()
    {
        await Reviews.RateAsync(new("emulator:rated", "reply-1", true, ["s1", "s2"], Time.GetUtcNow()), None);
        await Reviews.RateAsync(new("emulator:rated", "reply-1", false, ["s1", "s2"], Time.GetUtcNow()), None);
        await Reviews.RateAsync(new("emulator:rated", "reply-2", true, ["s1"], Time.GetUtcNow()), None);

        var perSnippet = AnswerRating.PerSnippet(await Reviews.RatingsAsync(None));

        Assert.Equal([new SnippetFeedback("s1", 1, 1), new SnippetFeedback("s2", 0, 1)], perSnippet);
    }

    [Fact]
    public async Task ErasingAConversation_DeletesItsReviewEntriesAndRatings_AndNothingElse()
    {
        Assert.True(await Conversations.TrySaveAsync("emulator:review-forget", ConversationState.New with { Turns = 1 }, null, null, None));
        await Reviews.AddAsync(Kept("review-forget", "sauna ?"), None);
        await Reviews.RateAsync(new("emulator:review-forget", "reply-1", false, ["s1"], Time.GetUtcNow()), None);
        var other = Kept("review-keep", "jacuzzi ?");
        await Reviews.AddAsync(other, None);

        var report = await Retention.EraseConversationAsync("emulator:review-forget", None);

        Assert.Equal(new ErasureReport(1, 0, 0, 2), report);
        Assert.Equal([other.Id], (await Reviews.ListAsync(true, 10, None)).Select(e => e.Id));
        Assert.Empty(await Reviews.RatingsAsync(None));
    }

    [Fact]
    public async Task ReviewEntries_AreKeptAsLongAsConversations_ThenPurged()
    {
        var old = Kept("review-old", "trampoline ?");
        await Reviews.AddAsync(old, None);
        await Reviews.RateAsync(new("emulator:review-old", "reply-1", false, ["s1"], Time.GetUtcNow()), None);
        Time.Advance(TimeSpan.FromDays(29));
        var recent = Kept("review-recent", "yoga ?");
        await Reviews.AddAsync(recent, None);

        Assert.Equal(0, (await Retention.PurgeExpiredAsync(None)).Reviews);
        Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, (await Retention.PurgeExpiredAsync(None)).Reviews);

        Assert.Equal([recent.Id], (await Reviews.ListAsync(true, 10, None)).Select(e => e.Id));
        Assert.Empty(await Reviews.RatingsAsync(None));
    }
}
