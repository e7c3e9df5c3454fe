using System.Diagnostics;
using Chatbot.Functions.Telemetry;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace Chatbot.Functions.Tests.Telemetry;

/// <summary>
/// The two cleaners on what no conversation in the other tests produces: an exception whose
/// message quotes the patient, on a span and in a log line, and a library's log values.
/// </summary>
[Collection(TelemetryAlone.Name)]
public class RedactionTests
{
    private const string Quoted = "unreadable: 'Mon chat Zéphyrin, 06 12 34 56 78'";

    [Fact]
    public void ASpanWithAnExceptionMessage_IsNotExported_AndAClientCallKeepsOnlyItsHost()
    {
        using var source = new ActivitySource("redaction-test");
        var exported = new List<Activity>();
        using (var provider = Sdk.CreateTracerProviderBuilder().AddSource(source.Name)
            .AddProcessor(new SpanRedaction()).AddInMemoryExporter(exported).Build())
        {
            using (var failed = source.StartActivity("failed"))
                failed!.AddException(new InvalidOperationException(Quoted));
            using var call = source.StartActivity("call", ActivityKind.Client)!;
            call.SetTag("http.request.method", "POST").SetTag("client.address", "203.0.113.7")
                .SetTag("url.full", "https://hospital.webhook.office.com/webhookb2/secret-part?tenant=x")
                .SetStatus(ActivityStatusCode.Error, Quoted);
        }

        var kept = Assert.Single(exported);
        Assert.Equal("call", kept.OperationName);
        Assert.Equal("https://hospital.webhook.office.com", kept.GetTagItem("url.full"));
        Assert.Null(kept.GetTagItem("client.address"));
        Assert.Equal("POST", kept.DisplayName);
        Assert.Null(kept.StatusDescription);
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics", false)]
    [InlineData("Chatbot.Functions.Messages.BotTurns", true)]
    public void ALogLineWithAnException_KeepsItsTypeOnly_AndALibrarysValuesGo(string category, bool valuesKept)
    {
        var exported = new List<LogRecord>();
        using (var logs = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.AddProcessor(new LogRedaction()).AddInMemoryExporter(exported);
        })))
        {
            logs.CreateLogger(category).LogError(new FormatException(Quoted), "Request to {Path} failed", "/v3/directline/conversations/c-123");
        }

        var line = Assert.Single(exported);
        Assert.Null(line.Exception);
        var attributes = line.Attributes!.ToDictionary(a => a.Key, a => $"{a.Value}");
        Assert.Equal(typeof(FormatException).FullName, attributes["exception.type"]);
        Assert.Equal(valuesKept, attributes.ContainsKey("Path"));
        Assert.Equal(valuesKept, line.FormattedMessage is not null);
        Assert.DoesNotContain("Zéphyrin", string.Join(" ", attributes.Values) + line.FormattedMessage + line.Body, StringComparison.Ordinal);
    }
}
