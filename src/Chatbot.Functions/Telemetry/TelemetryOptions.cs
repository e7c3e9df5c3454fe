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
    public string? PseudonymKey { get; set; }
}

/// <summary>A short key would make the pseudonyms guessable: refused at start.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public const int MinKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options) =>
        options.PseudonymKey is { Length: > 0 and < MinKeyLength }
            ? ValidateOptionsResult.Fail($"Telemetry:PseudonymKey must have at least {MinKeyLength} characters")
            : ValidateOptionsResult.Success;
}
