using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs for either host, on only when an exporter is configured
/// (<see cref="TelemetryExporters"/>): otherwise nothing listens and nothing is collected.
/// Everything exported passes <see cref="SpanRedaction"/> or <see cref="LogRedaction"/> first;
/// metrics carry only our labels and the libraries' route templates and status codes.
/// docs/decisions/019.
/// </summary>
public static class TelemetrySetup
{
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        builder.Services.AddSingleton<Pseudonyms>();
        var exporters = TelemetryExporters.From(builder.Configuration);
        if (!exporters.Any) return builder;
        var service = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : "chatbot";
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(service))
            .WithTracing(traces => exporters.AddTo(traces
                .AddSource(ChatbotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddProcessor(new SpanRedaction())))
            .WithMetrics(metrics => exporters.AddTo(metrics
                .AddMeter(ChatbotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()))
            .WithLogging(
                logs => exporters.AddTo(logs.AddProcessor(new LogRedaction())),
                options =>
                {
                    options.IncludeFormattedMessage = true;
                    // Scopes carry request paths (with conversation ids) and trace ids are already on each record.
                    options.IncludeScopes = false;
                });
        return builder;
    }
}
