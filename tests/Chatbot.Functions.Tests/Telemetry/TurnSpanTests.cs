using System.Diagnostics;
using Chatbot.Functions.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Chatbot.Functions.Tests.Telemetry;

/// <summary>What the bot's telemetry says, read with OpenTelemetry's in-memory exporter.</summary>
[Collection(TelemetryAlone.Name)]
public class TurnSpanTests
{
    /// <summary>False: the plain server; <see cref="TurnSpanTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    [Fact]
    public async Task AConversation_OneSpanPerTurnWithTheEngineLabels_NoticeAndConnectorCallsAsChildSpans_AndMetrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        await using var scenario = await TelemetryScenario.StartAsync(InTheWorker, services => services
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));

        var escalation = await scenario.PlayAsync();
        await Eventually.TrueAsync(() => Snapshot(spans).Count(s => s.OperationName == ChatbotTelemetry.NoticeSpan) == scenario.Notices);
        scenario.Bot.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var all = Snapshot(spans);
        var turns = all.Where(s => s.OperationName == ChatbotTelemetry.TurnSpan
            && (string?)s.GetTagItem("chatbot.conversation") == scenario.ConversationPseudonym).ToList();
        Assert.Equal(3, turns.Count);
        Assert.All(turns, t => Assert.Equal("fr", t.GetTagItem("chatbot.language")));
        Assert.All(turns, t => Assert.IsType<double>(t.GetTagItem("chatbot.confidence")));
        Assert.All(turns, t => Assert.NotNull(t.GetTagItem("chatbot.topic")));
        Assert.Equal(("answer", "fasting", "osteosynthesis"),
            (turns[0].GetTagItem("chatbot.action"), turns[0].GetTagItem("chatbot.topic"), turns[0].GetTagItem("chatbot.procedure")));
        Assert.Equal("escalate", turns[1].GetTagItem("chatbot.action"));
        Assert.Equal("emergency", turns[1].GetTagItem("chatbot.escalation.reason"));
        Assert.Equal("created", turns[1].GetTagItem("chatbot.escalation.status"));
        // The Direct Line turn: a conversation of its own, under another pseudonym.
        // The Direct Line turn: a conversation of its own, under another pseudonym.
        Assert.Single(all, s => s.OperationName == ChatbotTelemetry.TurnSpan && !turns.Contains(s));

        // The reply to the channel: an HTTP call in the turn's trace, addressed by host only, like every call.
        var channel = $"http://{new Uri(scenario.Channel.ServiceUrl).Authority}";
        Assert.Contains(all, s => s.Kind == ActivityKind.Client && s.TraceId == turns[0].TraceId && (string?)s.GetTagItem("url.full") == channel);
        var calls = all.Where(s => s.Kind == ActivityKind.Client).Select(s => (string)s.GetTagItem("url.full")!).ToList();
        Assert.All(calls, url => Assert.Equal(new Uri(url).GetLeftPart(UriPartial.Authority), url));

        // The notices: our spans, each webhook call their child.
        var notices = all.Where(s => s.OperationName == ChatbotTelemetry.NoticeSpan).ToList();
        Assert.InRange(notices.Count, 1, 2);
        Assert.All(notices, n => Assert.Equal(("webhook", "delivered"),
            (n.GetTagItem("chatbot.notice.channel"), n.GetTagItem("chatbot.notice.outcome"))));
        Assert.Contains(notices, n => (string?)n.GetTagItem("chatbot.escalation.reason") == "emergency");
        Assert.All(notices, n => Assert.Contains(all, s => s.Kind == ActivityKind.Client && s.ParentSpanId == n.SpanId));

        // Staff's request is known by its route, not by the escalation's id.
        var acknowledged = Assert.Single(all, s => s.Kind == ActivityKind.Server
            && s.GetTagItem("http.route") is string route && route.EndsWith("/acknowledge", StringComparison.Ordinal));
        Assert.DoesNotContain(escalation, acknowledged.DisplayName, StringComparison.Ordinal);
        Assert.DoesNotContain(escalation, (string?)acknowledged.GetTagItem("url.path") ?? "", StringComparison.Ordinal);

        // Counted as the spans tell: every turn (the Direct Line one too), by action.
        var allTurns = all.Where(s => s.OperationName == ChatbotTelemetry.TurnSpan).ToList();
        Assert.Equal(4, Sum(metrics, "chatbot.turns"));
        Assert.Equal(allTurns.Count(t => (string?)t.GetTagItem("chatbot.action") == "escalate"), Sum(metrics, "chatbot.turns", ("chatbot.action", "escalate")));
        Assert.Equal(1, Sum(metrics, "chatbot.escalations", ("chatbot.escalation.reason", "emergency")));
        Assert.Equal(notices.Count, Sum(metrics, "chatbot.notice.deliveries", ("chatbot.notice.outcome", "delivered")));
        Assert.Equal(1, HistogramCount(metrics, "chatbot.escalation.time_to_acknowledge", ("chatbot.escalation.reason", "emergency")));

        var values = all.SelectMany(s => s.TagObjects.Select(t => $"{t.Value}").Append(s.DisplayName)).ToList();
        foreach (var secret in scenario.Secrets)
            Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.OrdinalIgnoreCase));
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        // The exporter adds from its own thread: ToArray copies without the enumerator's version check.
        return [.. spans.ToArray()];
    }

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> metrics, string name, (string Key, string Value)? tag)
    {
        // The last export holds the cumulative totals.
        var last = metrics.LastOrDefault(m => m.Name == name);
        if (last is null) return [];
        return last.MetricPoints.Where(p => tag is null || Tags(p).Any(t => t.Key == tag.Value.Key && $"{t.Value}" == tag.Value.Value));
    }

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags) tags.Add(tag);
        return tags;
    }

    private static long Sum(List<MetricSnapshot> metrics, string name, (string, string)? tag = null) =>
        Points(metrics, name, tag).Sum(p => p.GetSumLong());

    private static long HistogramCount(List<MetricSnapshot> metrics, string name, (string, string)? tag = null) =>
        Points(metrics, name, tag).Sum(p => p.GetHistogramCount());
}

public class TurnSpanTestsInTheWorker : TurnSpanTests
{
    protected override bool InTheWorker => true;
}
