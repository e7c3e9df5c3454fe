using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>The staff list on a busy ward: thousands of escalations, paged, the newest emergency first.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task ANewEmergencyAfterThreeThousandOlderEscalations_IsFirst_AndPagingVisitsEachOnceInStaffOrder()
    {
        await ThreeThousandOlderEscalationsAsync();
        var emergency = Escalation("new-emergency", EscalationReasons.Emergency) with { CreatedAt = Time.GetUtcNow() };
        var turn = ConversationState.New with { Turns = 1 };
        var opened = new EscalationOpened(emergency);
        Assert.True(await Conversations.TrySaveAsync("emulator:new-emergency", turn, null, opened, None));

        Assert.Equal(emergency.Id, (await Escalations.ListAsync(null, null, 50, None)).Escalations[0].Id);
        var open = await Escalations.ListAsync(EscalationStatus.Open, null, 50, None);
        Assert.Equal(emergency.Id, open.Escalations[0].Id);

        var visited = await Escalations.ListAllAsync(null, size: 250);
        Assert.Equal(3_001, visited.Select(e => e.Id).Distinct().Count());
        Assert.Equal(3_001, visited.Count);
        var staffOrder = visited
            .OrderBy(e => e.Status switch { EscalationStatus.Open => 0, EscalationStatus.Acknowledged => 1, _ => 2 })
            .ThenBy(e => e.Reason == EscalationReasons.Emergency ? 0 : 1)
            .ThenByDescending(e => e.CreatedAt);
        Assert.Equal(staffOrder.Select(e => e.Id), visited.Select(e => e.Id));
        var acknowledged = await Escalations.ListAllAsync(EscalationStatus.Acknowledged, size: 100);
        var expected = visited.Where(e => e.Status == EscalationStatus.Acknowledged).Select(e => e.Id);
        Assert.Equal(expected, acknowledged.Select(e => e.Id));
    }

    /// <summary>One a minute over two days: a tenth emergencies, a 7th acknowledged, an 11th resolved.</summary>
    private async Task ThreeThousandOlderEscalationsAsync()
    {
        var start = Time.GetUtcNow();
        var sixteenAtATime = new ParallelOptions { MaxDegreeOfParallelism = 16 };
        await Parallel.ForEachAsync(Enumerable.Range(1, 3_000), sixteenAtATime, async (i, ct) =>
        {
            var reason = i % 10 == 0 ? EscalationReasons.Emergency : EscalationReasons.HumanRequested;
            var record = Escalation($"older-{i}", reason) with { CreatedAt = start.AddMinutes(-i) };
            var turn = ConversationState.New with { Turns = 1 };
            var opened = new EscalationOpened(record);
            Assert.True(await Conversations.TrySaveAsync($"emulator:older-{i}", turn, null, opened, ct));
            if (i % 11 == 0) await Escalations.UpdateAsync(record.Id, e => e.Resolve("nurse@chu", start), ct);
            else if (i % 7 == 0) await Escalations.UpdateAsync(record.Id, e => e.Acknowledge("nurse@chu", start), ct);
        });
        Time.Advance(TimeSpan.FromMinutes(1));
    }
}
