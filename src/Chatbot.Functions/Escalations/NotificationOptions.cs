using System.ComponentModel.DataAnnotations;

namespace Chatbot.Functions.Escalations;

/// <summary>Where staff are notified. Secrets come from the environment or Key Vault references.</summary>
public sealed class NotificationOptions
{
    public WebhookOptions Webhook { get; set; } = new();

    public TeamsOptions Teams { get; set; } = new();

    /// <summary>After this many failed deliveries an entry is dead-lettered (and visible to staff).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry waits this long, then twice as long each time, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the dispatcher looks for due entries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a notice taken from the queue stays hidden from other listeners. A notice in hand when
    /// storage went away comes back after this lease, so it bounds the delay after an outage.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The staff console, linked from notifications.</summary>
    [Required]
    public string ConsoleUrl { get; set; } = "http://localhost:3978/staff";

    public IEnumerable<string> Channels()
    {
        if (!string.IsNullOrWhiteSpace(Webhook.Url)) yield return "webhook";
        if (!string.IsNullOrWhiteSpace(Teams.WebhookUrl)) yield return "teams";
    }
}

public sealed class WebhookOptions
{
    public string? Url { get; set; }

    /// <summary>Signs each body: X-Signature: sha256=HMAC-SHA256(secret, body) in hex.</summary>
    public string? Secret { get; set; }
}

public sealed class TeamsOptions
{
    /// <summary>A Teams incoming webhook (or Workflows) URL; receives an Adaptive Card.</summary>
    public string? WebhookUrl { get; set; }
}
