using Chatbot.Core.Dashboard;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>The activity dashboard's rows in either store: written, read by time range, purged after their retention.</summary>
public abstract partial class StoreContract
{
    private IActivityStore Activity => app.Services.GetRequiredService<IActivityStore>();

    private ActivityRow Row(string outcome, string conversation = "hash-a") =>
        new(Time.GetUtcNow(), outcome, conversation, "fasting", "osteosynthesis", "fr");

    [Fact]
    public async Task ActivityRows_AreReadByTimeRange_FromIncluded_ToExcluded()
    {
        var start = Time.GetUtcNow();
        await Activity.AddAsync(Row(ActivityOutcomes.Answer), None);
        Time.Advance(TimeSpan.FromHours(23));
        await Activity.AddAsync(Row(ActivityOutcomes.NotInDocuments) with { Escalated = "unanswered" }, None);
        Time.Advance(TimeSpan.FromHours(2));
        await Activity.AddAsync(ActivityRules.Acknowledged("emergency", "it", Time.GetUtcNow(), Time.GetUtcNow().AddSeconds(90)), None);

        var firstDay = await Activity.ReadAsync(start, start.AddDays(1), None);
        var both = await Activity.ReadAsync(start.AddHours(1), start.AddHours(26), None);

        Assert.Equal([ActivityOutcomes.Answer, ActivityOutcomes.NotInDocuments], firstDay.Select(r => r.Outcome).Order());
        Assert.Equal("unanswered", firstDay.Single(r => r.Outcome == ActivityOutcomes.NotInDocuments).Escalated);
        var taken = Assert.Single(both, r => r.Outcome == ActivityOutcomes.Acknowledged);
        Assert.Equal((90.0, "emergency", (string?)null), (taken.WaitSeconds, taken.Escalated, taken.Conversation));
        Assert.Equal(2, both.Count);
        Assert.Empty(await Activity.ReadAsync(start.AddDays(-3), start, None));
    }

    [Fact]
    public async Task ActivityRows_AreKeptFourHundredDays_ThenPurged()
    {
        await Activity.AddAsync(Row(ActivityOutcomes.Answer), None);
        Time.Advance(TimeSpan.FromDays(399));
        await Activity.AddAsync(Row(ActivityOutcomes.Clarification), None);

        Assert.Equal(0, (await Retention.PurgeExpiredAsync(None)).Activity);
        Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, (await Retention.PurgeExpiredAsync(None)).Activity);

        var left = await Activity.ReadAsync(Time.GetUtcNow().AddDays(-500), Time.GetUtcNow(), None);
        Assert.Equal([ActivityOutcomes.Clarification], left.Select(r => r.Outcome));
    }
}
