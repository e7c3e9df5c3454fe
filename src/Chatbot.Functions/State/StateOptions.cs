using System.ComponentModel.DataAnnotations;

namespace Chatbot.Functions.State;

/// <summary>The <c>Storage</c> section: where state, escalations and the outbox live.</summary>
public sealed class StateOptions : IValidatableObject
{
    public const string Sqlite = "Sqlite";
    public const string AzureStorage = "AzureStorage";

    /// <summary>Sqlite (embedded, one instance) or AzureStorage (tables and a queue, shared by every instance).</summary>
    [RegularExpression("^(Sqlite|AzureStorage)$")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file, relative to the working folder unless absolute.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/chatbot.db";

    /// <summary>Azurite or a development account. In production use <see cref="AccountName"/>: no keys in settings.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account, reached with the managed identity (DefaultAzureCredential).</summary>
    public string? AccountName { get; set; }

    /// <summary>The user-assigned managed identity's client id, when the app has one.</summary>
    public string? ClientId { get; set; }

    /// <summary>Prefix of the table names (letters and digits): several bots, or test runs, can share an account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,30}$")]
    public string TablePrefix { get; set; } = "chatbot";

    /// <summary>The queue of notification work; the <c>notify</c> function's queueTrigger names the same queue.</summary>
    [RegularExpression("^[a-z0-9](-?[a-z0-9]){2,50}$")]
    public string NotificationQueue { get; set; } = "notifications";

    /// <summary>After this many failed deliveries a queue message goes to the poison queue (as the Functions host does).</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// SQLite only: how many conversations' last saved state are kept in memory (0: none), so a turn
    /// does not read back what the previous one wrote. A state is a few kilobytes.
    /// </summary>
    [Range(0, 1_000_000)]
    public int RecentConversations { get; set; } = 5_000;

    public RetentionOptions Retention { get; set; } = new();

    public bool UsesAzureStorage => Provider == AzureStorage;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesAzureStorage && string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(AccountName))
            yield return new ValidationResult("Storage:Provider=AzureStorage needs Storage:AccountName (managed identity) or Storage:ConnectionString (Azurite)", [nameof(AccountName)]);
        // Checked here, not with [Range(typeof(TimeSpan))]: that attribute needs reflection Native AOT does not keep.
        if (Retention.Conversations < TimeSpan.FromHours(1))
            yield return new ValidationResult("Storage:Retention:Conversations must be at least an hour", [nameof(Retention)]);
        if (Retention.ResolvedEscalations < TimeSpan.FromDays(1))
            yield return new ValidationResult("Storage:Retention:ResolvedEscalations must be at least a day", [nameof(Retention)]);
        if (Retention.Activity < TimeSpan.FromDays(7))
            yield return new ValidationResult("Storage:Retention:Activity must be at least a week", [nameof(Retention)]);
        if (Retention.PurgeInterval < TimeSpan.FromMinutes(1))
            yield return new ValidationResult("Storage:Retention:PurgeInterval must be at least a minute", [nameof(Retention)]);
    }
}

/// <summary>How long data about patients is kept.</summary>
public sealed class RetentionOptions
{
    /// <summary>Conversation state is forgotten after this much inactivity.</summary>
    public TimeSpan Conversations { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Resolved escalations (with their masked transcript and audit) are deleted after this; open ones are kept.</summary>
    public TimeSpan ResolvedEscalations { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// The activity dashboard's anonymous rows (no text, no id: decision 021): over a year, so that a month can be
    /// compared with the same month of the year before (400 days).
    /// </summary>
    public TimeSpan Activity { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the embedded purge runs (on Functions the <c>retention</c> timer runs it).</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(6);
}
