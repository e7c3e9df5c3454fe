using System.ComponentModel.DataAnnotations;

namespace Chatbot.Functions.Staff;

/// <summary>
/// Who may use the staff API. Production: Microsoft Entra ID bearer tokens carrying the app role;
/// local: an API key in <c>Staff:ApiKey</c> sent as X-Api-Key. Neither configured: the API is closed.
/// </summary>
public sealed class StaffOptions
{
    /// <summary>From the environment or a Key Vault reference; never in a file of the repository.</summary>
    public string? ApiKey { get; set; }

    public EntraStaffOptions Entra { get; set; } = new();

    /// <summary>Failed sign-ins a client address may make per window before 429 (guessing the key).</summary>
    [Range(1, 1000)]
    public int FailedSignInsPerWindow { get; set; } = 5;

    /// <summary>1 second to 1 day (<see cref="SignInWindowValidator"/>).</summary>
    public TimeSpan FailedSignInWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>A TimeSpan range checked by hand: RangeAttribute(Type, …) is not trimming-safe (Native AOT).</summary>
public sealed class SignInWindowValidator : Microsoft.Extensions.Options.IValidateOptions<StaffOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, StaffOptions options) =>
        options.FailedSignInWindow >= TimeSpan.FromSeconds(1) && options.FailedSignInWindow <= TimeSpan.FromDays(1)
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(
                "Staff:FailedSignInWindow must be between 00:00:01 and 1.00:00:00");
}

public sealed class EntraStaffOptions
{
    /// <summary>e.g. https://login.microsoftonline.com/{tenant}/v2.0</summary>
    public string? Authority { get; set; }

    /// <summary>The staff API's application ID URI or client id.</summary>
    public string? Audience { get; set; }

    public string Role { get; set; } = "Escalations.Handle";

    /// <summary>The console's own app registration (a single-page application with PKCE), for interactive sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>What the console asks for; by default the staff API's default scope.</summary>
    public string? Scope { get; set; }

    public string ConsoleScope => Scope ?? $"{(Audience!.StartsWith("api://", StringComparison.Ordinal) ? Audience : "api://" + Audience)}/.default";

    /// <summary>Defaults to {Authority}/.well-known/openid-configuration; tests serve their own.</summary>
    public string? MetadataUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(Audience);
}
