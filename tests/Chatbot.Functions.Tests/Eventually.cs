namespace Chatbot.Functions.Tests;

/// <summary>For work the bot does after answering (the outbox): wait until it shows, within a bound.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            value = await read();
        }
        return value;
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        ValueAsync(() => Task.FromResult(condition()), ok => ok, timeout);
}
