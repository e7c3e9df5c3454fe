using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Hosting;

/// <summary>
/// The hospital's time zone decides the call-back times and the dashboard's days: an unknown one stops the
/// start, naming it, rather than failing turns later.
/// </summary>
public sealed class OfficeHoursValidator : IValidateOptions<OfficeHoursOptions>
{
    public ValidateOptionsResult Validate(string? name, OfficeHoursOptions options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"OfficeHours:TimeZone '{options.TimeZone}' is not a known time zone (e.g. Europe/Paris)");
}
