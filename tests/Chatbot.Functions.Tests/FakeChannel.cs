using System.Collections.Concurrent;
using System.Text.Json;
using Chatbot.BotFramework.Schema;

namespace Chatbot.Functions.Tests;

/// <summary>A channel's Connector API on loopback: records what the bot sends to its serviceUrl.</summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication app;
    private int failuresLeft;

    private FakeChannel(WebApplication app, string address)
    {
        this.app = app;
        ServiceUrl = address + "/";
    }

    public string ServiceUrl { get; }

    public ConcurrentQueue<Received> Received { get; } = new();

    /// <summary>Answer the next <paramref name="count"/> posts with this status (503, 429) before accepting.</summary>
    public void FailNext(int count) => failuresLeft = count;

    public static async Task<FakeChannel> StartAsync()
    {
        FakeChannel? channel = null;
        var (app, address) = await Loopback.StartAsync(app => app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", async (HttpRequest request, string conversationId, string? activityId) =>
        {
            if (Interlocked.Decrement(ref channel!.failuresLeft) >= 0) return Results.StatusCode(503);
            var activity = await JsonSerializer.DeserializeAsync(request.Body, BotJson.Default.Activity);
            channel.Received.Enqueue(new Received(conversationId, activityId, request.Headers.Authorization.ToString(), activity!));
            return Results.Json(new ResourceResponse("sent-" + channel.Received.Count), BotJson.Default.ResourceResponse);
        }));
        return channel = new FakeChannel(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record Received(string ConversationId, string? ReplyToId, string Authorization, Activity Activity);
