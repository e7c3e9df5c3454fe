using Chatbot.Core.Conversation;
using Chatbot.Core.Dashboard;

namespace Chatbot.Core.Tests.Dashboard;

/// <summary>
/// The activity dashboard's figures from real turns of the assistant, counted into the hospital's days and
/// weeks (Paris time): conversations, answers, clarifications, "not in our documents", escalations by
/// reason, the wait until staff took them (median and 90th percentile), the topics most often unanswered.
/// </summary>
public class ActivityReportTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private readonly Dictionary<string, ConversationState> states = [];
    private readonly List<ActivityRow> rows = [];

    /// <summary>A patient message at a UTC instant: the assistant's turn, kept as the dashboard keeps it.</summary>
    private Turn Says(string conversation, string text, string utc)
    {
        var turn = TestContent.Assistant.Reply(states.GetValueOrDefault(conversation, ConversationState.New), text, "fr-FR", "esc-" + rows.Count);
        states[conversation] = turn.State;
        var opened = turn.Result.Escalation is EscalationCreated created ? created.Reason : null;
        rows.Add(ActivityRules.OfTurn(turn, "hash-" + conversation, opened, DateTimeOffset.Parse(utc)));
        return turn;
    }

    private void Taken(string reason, string createdUtc, double waitSeconds)
    {
        var created = DateTimeOffset.Parse(createdUtc);
        rows.Add(ActivityRules.Acknowledged(reason, "fr", created, created.AddSeconds(waitSeconds)));
    }

    private void AWeekOfPatients()
    {
        // Monday 7 December: two conversations, an answer, a "which procedure?", one the documents are silent on.
        Says("anne", "faut-il être à jeun pour une ostéosynthèse ?", "2026-12-07T08:00:00Z");
        Says("anne", "faut-il être à jeun pour une cimentoplastie ?", "2026-12-07T08:01:00Z");
        Says("bruno", "combien de temps dure l'intervention ?", "2026-12-07T09:00:00Z");
        // Tuesday 8 December, 23:30 in Paris (22:30 UTC): an emergency, taken in two minutes.
        Says("carla", "j'ai 40 de fièvre et le dos qui gonfle", "2026-12-08T22:30:00Z");
        Taken(EscalationReasons.Emergency, "2026-12-08T22:30:00Z", 120);
        // Wednesday 9 December, 00:30 in Paris but still the 8th in UTC: a request for a nurse, taken in 10 minutes.
        Says("denis", "je voudrais parler à une infirmière", "2026-12-08T23:30:00Z");
        Taken(EscalationReasons.HumanRequested, "2026-12-08T23:30:00Z", 600);
        Says("denis", "faut-il être à jeun pour une cimentoplastie ?", "2026-12-09T07:00:00Z");
        // Monday 14 December, the next week: one more emergency, taken in a minute.
        Says("emile", "je saigne beaucoup au point de ponction", "2026-12-14T10:00:00Z");
        Taken(EscalationReasons.Emergency, "2026-12-14T10:00:00Z", 60);
    }

    [Fact]
    public void ByDay_CountsEachOutcome_InTheHospitalsDays()
    {
        AWeekOfPatients();

        var report = ActivityReport.Of(ActivityRange.Parse("day", "2026-12-07", "2026-12-09", Today, out _)!, rows, Paris);

        Assert.Equal(["2026-12-07", "2026-12-08", "2026-12-09"], report.Buckets.Select(b => b.Label));
        var monday = report.Buckets[0];
        Assert.Equal((2, 3, 1, 1, 1), (monday.Conversations, monday.Turns, monday.Answers, monday.Clarifications, monday.NotInDocuments));
        Assert.All(monday.Escalations.Values, n => Assert.Equal(0, n));
        var tuesday = report.Buckets[1];
        Assert.Equal((1, 1), (tuesday.Conversations, tuesday.Escalations[EscalationReasons.Emergency]));
        Assert.Equal((1, 120.0, 120.0), (tuesday.Acknowledged, tuesday.MedianSecondsToAcknowledge, tuesday.P90SecondsToAcknowledge));
        var wednesday = report.Buckets[2];
        Assert.Equal((1, 2, 1), (wednesday.Conversations, wednesday.Turns, wednesday.Escalations[EscalationReasons.HumanRequested]));
        Assert.Equal(1, wednesday.NotInDocuments);
        Assert.Equal([new UnansweredTopic(Unanswered(), 2)], report.Unanswered);
    }

    [Fact]
    public void ByWeek_WholeIsoWeeks_WithTheMedianAndNinetiethPercentileOfTheWaits()
    {
        AWeekOfPatients();
        Taken(EscalationReasons.MedicalAdvice, "2026-12-10T09:00:00Z", 60);

        var report = ActivityReport.Of(ActivityRange.Parse("week", "2026-12-09", "2026-12-14", Today, out _)!, rows, Paris);

        Assert.Equal(["2026-W50", "2026-W51"], report.Buckets.Select(b => b.Label));
        Assert.Equal((new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 20)), (report.From, report.To));
        var first = report.Buckets[0];
        Assert.Equal((4, 6, 2), (first.Conversations, first.Turns, first.NotInDocuments));
        // Waits of 60, 120 and 600 s: the median is the middle one, the 90th percentile 80 % of the way to the last.
        Assert.Equal((3, 120.0, 504.0), (first.Acknowledged, first.MedianSecondsToAcknowledge, first.P90SecondsToAcknowledge));
        var second = report.Buckets[1];
        Assert.Equal((1, 1, 1, 60.0), (second.Conversations, second.Escalations[EscalationReasons.Emergency], second.Acknowledged, second.MedianSecondsToAcknowledge));
    }

    [Fact]
    public void AnEmptyDay_IsADayOfZeros_WithNoWait()
    {
        var report = ActivityReport.Of(ActivityRange.Parse("day", "2026-12-01", "2026-12-02", Today, out _)!, [], Paris);

        Assert.Equal(2, report.Buckets.Count);
        Assert.All(report.Buckets, b => Assert.Equal((0, 0, null), (b.Conversations, b.Acknowledged, b.MedianSecondsToAcknowledge)));
        Assert.Empty(report.Unanswered);
    }

    [Fact]
    public void TheCsv_IsAHeaderAndOneLinePerDay_WithNothingButFigures()
    {
        AWeekOfPatients();
        Says("fanny", "Mme Dupont 06 12 34 56 78 : quand puis-je remarcher ?", "2026-12-09T08:00:00Z");

        var csv = ActivityCsv.Of(ActivityReport.Of(ActivityRange.Parse("day", "2026-12-08", "2026-12-09", Today, out _)!, rows, Paris));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ActivityCsv.Header, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2026-12-08,2026-12-08,2026-12-08,1,1,0,0,0,0,1,1,0,0,0,0,0,1,120,120", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Dupont", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Dupont", string.Join("|", rows), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("month", null, null, "period")]
    [InlineData("day", "2026-12-09", "2026-12-01", "after")]
    [InlineData("day", "2024-01-01", "2026-12-01", "366")]
    [InlineData("day", "1999-12-31", "2000-01-02", "2000")]
    [InlineData("day", "07/12/2026", null, "from")]
    [InlineData("week", null, "9999-12-31", "2000")]
    public void AnAbsurdRange_IsRefused_WithTheReason(string? period, string? from, string? to, string reason)
    {
        var range = ActivityRange.Parse(period, from, to, Today, out var refused);

        Assert.Null(range);
        Assert.Contains(reason, refused, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutDates_TheLastFortnightOrEightWeeks()
    {
        var days = ActivityRange.Parse(null, null, null, Today, out _)!;
        var weeks = ActivityRange.Parse("week", null, null, Today, out _)!;

        Assert.Equal((new DateOnly(2026, 11, 24), Today, 14), (days.From, days.To, days.Starts().Count));
        Assert.Equal((DayOfWeek.Monday, DayOfWeek.Sunday, 8), (weeks.From.DayOfWeek, weeks.To.DayOfWeek, weeks.Starts().Count));
    }

    [Fact]
    public void AConversationsHash_IsSaltedWithItsWeek_InParis()
    {
        Assert.Equal("2026-W50", ActivityRules.ConversationSalt(DateTimeOffset.Parse("2026-12-13T22:30:00Z"), Paris));
        Assert.Equal("2026-W51", ActivityRules.ConversationSalt(DateTimeOffset.Parse("2026-12-13T23:30:00Z"), Paris));
    }

    private static readonly DateOnly Today = new(2026, 12, 7);

    private static string Unanswered() =>
        TestContent.Assistant.Reply(ConversationState.New, "faut-il être à jeun pour une cimentoplastie ?").Result.Topic;
}
