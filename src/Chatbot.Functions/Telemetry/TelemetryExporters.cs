using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Chatbot.Functions.Telemetry;

/// <summary>
/// Where telemetry goes, from the standard settings: OTLP for each signal whose endpoint is set
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or <c>OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT</c>;
/// protocol, headers and timeouts as the exporter reads them), and Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set — with the managed identity named by
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>ClientId=…;Authorization=AAD</c>), as the
/// Functions host reads it, since our Application Insights takes no instrumentation key.
/// </summary>
public sealed record TelemetryExporters(bool OtlpTraces, bool OtlpMetrics, bool OtlpLogs, string? AzureMonitor, string? ManagedIdentity)
{
    public bool Any => OtlpTraces || OtlpMetrics || OtlpLogs || AzureMonitor is not null;

    public static TelemetryExporters From(IConfiguration configuration)
    {
        bool Set(string key) => !string.IsNullOrWhiteSpace(configuration[key]);
        var all = Set("OTEL_EXPORTER_OTLP_ENDPOINT");
        var authentication = configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] ?? "";
        var aad = authentication.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase);
        var clientId = authentication.Split(';', StringSplitOptions.TrimEntries)
            .FirstOrDefault(p => p.StartsWith("ClientId=", StringComparison.OrdinalIgnoreCase))?["ClientId=".Length..];
        return new(
            all || Set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
            all || Set("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"),
            all || Set("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"),
            Set("APPLICATIONINSIGHTS_CONNECTION_STRING") ? configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] : null,
            aad ? clientId ?? "" : null);
    }

    public TracerProviderBuilder AddTo(TracerProviderBuilder traces)
    {
        if (OtlpTraces) traces.AddOtlpExporter();
        if (AzureMonitor is not null) traces.AddAzureMonitorTraceExporter(Configure);
        return traces;
    }

    public MeterProviderBuilder AddTo(MeterProviderBuilder metrics)
    {
        if (OtlpMetrics) metrics.AddOtlpExporter();
        if (AzureMonitor is not null) metrics.AddAzureMonitorMetricExporter(Configure);
        return metrics;
    }

    public LoggerProviderBuilder AddTo(LoggerProviderBuilder logs)
    {
        if (OtlpLogs) logs.AddOtlpExporter();
        if (AzureMonitor is not null) logs.AddAzureMonitorLogExporter(Configure);
        return logs;
    }

    private void Configure(AzureMonitorExporterOptions options)
    {
        options.ConnectionString = AzureMonitor;
        if (ManagedIdentity is not null)
        {
            options.Credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = ManagedIdentity is { Length: > 0 } ? ManagedIdentity : null,
            });
        }
    }
}
