using Chatbot.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;

namespace Chatbot.Functions.Worker;

/// <summary>
/// In the worker, our telemetry (<see cref="TelemetrySetup"/>) also names the function app as the
/// service (Azure Functions' resource detector) and tells the host the worker sends its own, so
/// requests are not reported twice (with host.json's <c>telemetryMode</c>).
/// </summary>
public static class WorkerTelemetry
{
    public static IHostApplicationBuilder AddWorkerTelemetry(this IHostApplicationBuilder builder)
    {
        if (TelemetryExporters.From(builder.Configuration).Any) builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        return builder;
    }
}
