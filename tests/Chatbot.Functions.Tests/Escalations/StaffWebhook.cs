using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Chatbot.Functions.Tests.Escalations;

/// <summary>A hospital's notification endpoint on loopback: can be down, then come back; checks signatures.</summary>
public sealed class StaffWebhook : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret";
    private readonly WebApplication app;

    private StaffWebhook(WebApplication app, string address)
    {
        this.app = app;
        Url = address + "/hook";
    }

    public string Url { get; }

    /// <summary>While true, every delivery gets a 503.</summary>
    public bool Down { get; set; }

    public ConcurrentQueue<(string Body, string? Signature, string? IdempotencyKey, bool SignatureValid)> Received { get; } = new();

    private int refused;

    /// <summary>Deliveries answered 503 while down.</summary>
    public int Refused => Volatile.Read(ref refused);

    public static async Task<StaffWebhook> StartAsync(bool down = false)
    {
        StaffWebhook? hook = null;
        var (app, address) = await Loopback.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            if (hook!.Down)
            {
                Interlocked.Increment(ref hook.refused);
                return Results.StatusCode(503);
            }
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var signature = request.Headers["X-Signature"].ToString();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
            hook.Received.Enqueue((body, signature, request.Headers["X-Idempotency-Key"].ToString(), signature == expected));
            return Results.Ok();
        }));
        hook = new StaffWebhook(app, address) { Down = down };
        return hook;
    }

    /// <summary>Waits until <paramref name="count"/> deliveries arrived (the dispatcher is asynchronous).</summary>
    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        await Eventually.TrueAsync(() => Received.Count >= count, timeout);
        Assert.True(Received.Count >= count, $"expected {count} deliveries, got {Received.Count}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
