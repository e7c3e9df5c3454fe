using Chatbot.Functions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace Chatbot.Functions.Tests.Telemetry;

/// <summary>Telemetry is on only where an exporter is configured, by the standard settings.</summary>
[Collection(TelemetryAlone.Name)]
public class TelemetrySwitchTests
{
    [Fact]
    public async Task NoExporterConfigured_NoTelemetryAtAll()
    {
        await using var bot = await BotHost.StartAsync();

        Assert.Null(bot.Services.GetService<TracerProvider>());
        Assert.Single(await bot.ExpectRepliesAsync(Patient.Says("faut il etre a jeun pour une osteosynthese ?")));
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "traces metrics logs", null)]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces", "traces", null)]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId=0f1e2d3c;Authorization=AAD", "azure", "0f1e2d3c")]
    public void StandardSettings_ChooseTheExporters(string key, string value, string expected, string? identity)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [key] = value,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = expected == "azure" ? "InstrumentationKey=00000000-0000-0000-0000-000000000000" : null,
        }).Build();

        var exporters = TelemetryExporters.From(configuration);

        Assert.True(exporters.Any);
        Assert.Equal(expected.Contains("traces", StringComparison.Ordinal), exporters.OtlpTraces);
        Assert.Equal(expected.Contains("metrics", StringComparison.Ordinal), exporters.OtlpMetrics);
        Assert.Equal(expected.Contains("logs", StringComparison.Ordinal), exporters.OtlpLogs);
        Assert.Equal(expected == "azure", exporters.AzureMonitor is not null);
        Assert.Equal(identity, exporters.ManagedIdentity);
    }

    [Fact]
    public async Task AShortPseudonymKey_StopsTheStart()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync("--Telemetry:PseudonymKey=short"));

        Assert.Contains("Telemetry:PseudonymKey", refused.Message, StringComparison.Ordinal);
    }
}
