using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Telemetry;

/// <summary>
/// Our own telemetry setting. The exporters take the standard ones: <c>OTEL_EXPORTER_OTLP_*</c>,
/// <c>OTEL_SERVICE_NAME</c>, <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (see <see cref="TelemetryExporters"/>).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// The key of the conversation pseudonyms (<see cref="Pseudonyms"/>), at least 32 characters; in
    /// production a Key Vault reference, the same on every instance so a conversation correlates across them.
    /// </summary>
    [MinLength(32)]
    public string? PseudonymKey { get; set; }
}

[OptionsValidator]
public sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;
