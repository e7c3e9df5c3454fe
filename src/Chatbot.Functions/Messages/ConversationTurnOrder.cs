namespace Chatbot.Functions.Messages;

/// <summary>
/// Turns of one conversation reaching this instance together (a patient tapping send twice, a
/// channel retrying) take their turn one after the other instead of racing to save the state and
/// redoing the work up to the retry limit. Other instances still meet the store's version check.
/// Striped: a fixed table of locks, so memory does not grow with conversations; two conversations
/// rarely share a stripe, and then only wait for each other's few milliseconds.
/// </summary>
public sealed class ConversationTurnOrder
{
    private const int Stripes = 4096;
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<Releaser> EnterAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationKey) % Stripes)];
        await stripe.WaitAsync(cancellationToken);
        return new Releaser(stripe);
    }

    public readonly struct Releaser(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
