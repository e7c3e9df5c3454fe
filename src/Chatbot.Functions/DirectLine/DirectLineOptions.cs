using System.ComponentModel.DataAnnotations;

namespace Chatbot.Functions.DirectLine;

/// <summary>
/// Web Chat's connection. With a Direct Line secret (production) the token endpoint exchanges it
/// with Azure Bot Service; without one, and without a bot identity (local use), the app serves the
/// Direct Line 3.0 endpoints itself so the page works on <c>dotnet run</c>.
/// </summary>
public sealed class DirectLineOptions
{
    /// <summary>A Key Vault reference or environment value; never sent to the browser.</summary>
    public string? Secret { get; set; }

    public string Endpoint { get; set; } = "https://directline.botframework.com/v3/directline";

    /// <summary>Tokens handed to browsers per client address and minute.</summary>
    [Range(1, 100_000)]
    public int TokensPerMinute { get; set; } = 10;

    /// <summary>Activities a client may post per conversation and minute (local Direct Line).</summary>
    [Range(1, 100_000)]
    public int ActivitiesPerMinute { get; set; } = 30;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
