using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State.Azure;

/// <summary>
/// The tables and queues of the scale-out store. With a connection string (Azurite, development)
/// or an account name and the managed identity: production settings hold no keys. Tables and
/// queues are created on first use; a failure is retried at the next use, not cached.
/// </summary>
public sealed class AzureStorageAccount : IDisposable
{
    private readonly SemaphoreSlim creating = new(1, 1);
    private readonly TableCreation tableCreation;
    private volatile bool created;

    public AzureStorageAccount(IOptions<StateOptions> options)
    {
        var o = options.Value;
        // Base64: the Functions queue trigger's default encoding. Short retries: a patient is waiting,
        // and an unreachable store is better answered with an apology within seconds.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var tableOptions = new TableClientOptions();
        foreach (var retry in new[] { queueOptions.Retry, tableOptions.Retry })
        {
            retry.MaxRetries = 2;
            retry.Delay = TimeSpan.FromMilliseconds(100);
            retry.MaxDelay = TimeSpan.FromSeconds(1);
            retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        }
        TableServiceClient tables;
        QueueServiceClient queues;
        TokenCredential? credential = null;
        if (o.ConnectionString is { Length: > 0 } connection)
        {
            tables = new TableServiceClient(connection, tableOptions);
            queues = new QueueServiceClient(connection, queueOptions);
        }
        else
        {
            credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = o.ClientId });
            tables = new TableServiceClient(new Uri($"https://{o.AccountName}.table.core.windows.net"), credential, tableOptions);
            queues = new QueueServiceClient(new Uri($"https://{o.AccountName}.queue.core.windows.net"), credential, queueOptions);
        }
        tableCreation = new TableCreation(tables, credential);
        Conversations = tables.GetTableClient(o.TablePrefix + "conversations");
        Escalations = tables.GetTableClient(o.TablePrefix + "escalations");
        Reviews = tables.GetTableClient(o.TablePrefix + "reviews");
        Activity = tables.GetTableClient(o.TablePrefix + "activity");
        Notifications = queues.GetQueueClient(o.NotificationQueue);
        // The Functions host's name for a queue's poison queue.
        Poison = queues.GetQueueClient(o.NotificationQueue + "-poison");
    }

    public TableClient Conversations { get; }

    public TableClient Escalations { get; }

    /// <summary>The review loop's entries and answer ratings, by conversation (<see cref="AzureReviewStore"/>).</summary>
    public TableClient Reviews { get; }

    /// <summary>The activity dashboard's anonymous rows, by day (<see cref="AzureActivityStore"/>).</summary>
    public TableClient Activity { get; }

    public QueueClient Notifications { get; }

    public QueueClient Poison { get; }

    public async Task ReadyAsync(CancellationToken cancellationToken)
    {
        if (created) return;
        await creating.WaitAsync(cancellationToken);
        try
        {
            if (created) return;
            await tableCreation.EnsureAsync(Conversations.Name, cancellationToken);
            await tableCreation.EnsureAsync(Escalations.Name, cancellationToken);
            await tableCreation.EnsureAsync(Reviews.Name, cancellationToken);
            await tableCreation.EnsureAsync(Activity.Name, cancellationToken);
            await Notifications.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created = true;
        }
        finally
        {
            creating.Release();
        }
    }

    public void Dispose()
    {
        creating.Dispose();
        tableCreation.Dispose();
    }
}
