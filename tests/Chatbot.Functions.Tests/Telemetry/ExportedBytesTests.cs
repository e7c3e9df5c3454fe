using Chatbot.Functions.Telemetry;

namespace Chatbot.Functions.Tests.Telemetry;

/// <summary>
/// What really leaves the bot: OTLP/HTTP protobuf exports received on loopback, searched byte by
/// byte for the patient's words, number, e-mail, name and ids — after checking they hold the spans,
/// metrics and logs of that very conversation, so the search cannot pass on an empty export.
/// </summary>
[Collection(TelemetryAlone.Name)]
public class ExportedBytesTests
{
    /// <summary>False: the plain server; <see cref="ExportedBytesTestsInTheWorker"/> runs every test again on the worker.</summary>
    protected virtual bool InTheWorker => false;

    [Fact]
    public async Task AConversationWithAMarkerAPhoneAndAnEmail_NoneOfThemInAnyExportedByte_NorInTheLogs()
    {
        var logs = new CapturedLogs();
        await using var scenario = await TelemetryScenario.StartAsync(InTheWorker, logs.AddTo);

        await scenario.PlayAsync();
        await scenario.StopBotAsync();

        var collector = scenario.Collector;
        var traces = collector.All("/v1/traces");
        Assert.True(OtlpCollector.Holds(traces, ChatbotTelemetry.TurnSpan), "no turn span exported");
        Assert.True(OtlpCollector.Holds(traces, ChatbotTelemetry.NoticeSpan), "no notice span exported");
        Assert.True(OtlpCollector.Holds(traces, scenario.ConversationPseudonym), "the conversation's pseudonym was not exported");
        Assert.True(OtlpCollector.Holds(traces, "/v3/directline/conversations/{"), "the Direct Line request was not exported by its route");
        Assert.True(OtlpCollector.Holds(collector.All("/v1/metrics"), "chatbot.escalation.time_to_acknowledge"), "no metrics exported");
        Assert.True(OtlpCollector.Holds(collector.All("/v1/logs"), "Turn: "), "our log lines were not exported");

        var everything = Lower(collector.Everything);
        foreach (var secret in scenario.Secrets)
            Assert.False(OtlpCollector.Holds(everything, secret.ToLowerInvariant()), $"exported: {secret}");
        Assert.Contains(logs.Lines, l => l.Contains("Turn: ", StringComparison.Ordinal));
        foreach (var secret in scenario.Secrets)
            Assert.DoesNotContain(secret, logs.All, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Protobuf strings are UTF-8: ASCII letters lowered in place, the rest untouched.</summary>
    private static byte[] Lower(byte[] bytes) =>
        [.. bytes.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b)];
}

public class ExportedBytesTestsInTheWorker : ExportedBytesTests
{
    protected override bool InTheWorker => true;
}
