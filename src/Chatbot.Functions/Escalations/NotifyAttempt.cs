namespace Chatbot.Functions.Escalations;

/// <summary>
/// One attempt of the queue-triggered <c>notify</c> function. A failure is an exception: the host
/// then makes the message visible again and, after host.json's maxDequeueCount attempts, moves it
/// to <c>notifications-poison</c> (the listener of the plain server does the same by hand).
/// </summary>
public static class NotifyAttempt
{
    public static async Task<Delivery> AttemptAsync(
        this QueuedNotifications queue, string message, CancellationToken cancellationToken)
    {
        var outcome = await queue.HandleAsync(message, cancellationToken);
        return outcome is Delivery.RetryLater or Delivery.Unreadable
            ? throw new NotificationNotDeliveredException(outcome)
            : outcome;
    }
}

public sealed class NotificationNotDeliveredException : Exception
{
    public NotificationNotDeliveredException(Delivery outcome)
        : base($"notify: {outcome}") => Outcome = outcome;

    public NotificationNotDeliveredException()
    {
    }

    public NotificationNotDeliveredException(string message)
        : base(message)
    {
    }

    public NotificationNotDeliveredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Delivery? Outcome { get; }
}
