using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Staff;

/// <summary>
/// Failed staff sign-ins per client address, in fixed windows: after the limit the client is
/// refused (429) until its window ends, whatever it sends, so guessing the key or a token stops
/// paying. Successful calls are not counted. Kept in memory: an instance restart forgets, which
/// only gives an attacker one more small window.
/// </summary>
public sealed partial class SignInThrottle(
    IOptions<StaffOptions> options, TimeProvider time, ILogger<SignInThrottle> logger)
{
    private const int MaxClients = 10_000;
    private readonly ConcurrentDictionary<string, Failures> clients = new(StringComparer.Ordinal);

    private int Limit => options.Value.FailedSignInsPerWindow;

    private TimeSpan Window => options.Value.FailedSignInWindow;

    /// <summary>How long the client must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        if (!clients.TryGetValue(client, out var failures) || failures.Count < Limit) return null;
        var left = failures.Since + Window - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void Failed(string client)
    {
        var now = time.GetUtcNow();
        if (clients.Count >= MaxClients) Forget(now);
        var failures = clients.AddOrUpdate(client, _ => new Failures(now, 1),
            (_, f) => now - f.Since >= Window ? new Failures(now, 1) : f with { Count = f.Count + 1 });
        if (failures.Count == Limit) Log.Throttled(logger, client, failures.Count, Window);
    }

    /// <summary>Bounds memory under a spread-out attack: windows that have ended are dropped.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (client, failures) in clients)
        {
            if (now - failures.Since >= Window) clients.TryRemove(client, out _);
        }
    }

    private sealed record Failures(DateTimeOffset Since, int Count);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1510, Level = LogLevel.Warning,
            Message = "Security: {Count} failed staff sign-ins from {Client}; 429 for the rest of {Window}")]
        public static partial void Throttled(ILogger logger, string client, int count, TimeSpan window);
    }
}
