using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Chatbot.BotFramework.Schema;
using Chatbot.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Chatbot.Functions.Tests.Worker;

/// <summary>
/// The built worker started as the Functions host starts it and driven over the host's gRPC
/// protocol: StartStream, init, metadata, load, then invocations as the host sends them.
/// </summary>
public class WorkerOverGrpcTests
{
    private static Dictionary<string, string> OwnDatabase() => new()
    {
        ["Storage__SqlitePath"] = Path.Combine(Path.GetTempPath(), $"chatbot-test-{Guid.NewGuid():N}", "chatbot.db"),
    };

    [Fact]
    public async Task TheWorker_StartedAsTheHostStartsIt_IndexesAndLoadsEveryFunction_AndOffersItsHttpUri()
    {
        await using var host = await GrpcHostStandIn.StartAsync();

        var worker = await HostedWorker.StartAsync(host, OwnDatabase());

        // Every [Function] of the app, by name: one added without the host indexing it fails here.
        Assert.Equal(
            ["conversations", "directline-local", "directline-token", "dispatch", "escalations", "health", "messages",
             "notify", "retention", "site", "staff-activity", "staff-review", "staff-sign-in"],
            worker.Functions.Keys.Order());
        Assert.Equal("http", worker.Http.Scheme);
    }

    [Fact]
    public async Task APatientsQuestion_InvokedOverGrpcWithItsRequestForwarded_IsAnsweredOnTheChannel_WithTheQuote()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await GrpcHostStandIn.StartAsync();
        var worker = await HostedWorker.StartAsync(host, OwnDatabase());
        var question = Patient.Says(
            "faut-il être à jeun pour une ostéosynthèse ?", conversation: "grpc", serviceUrl: channel.ServiceUrl);

        var (response, invocation) = await worker.PostActivityAsync(
            JsonContent.Create(question, BotJson.Default.Activity));

        Assert.True(invocation.Result.Status == StatusResult.Types.Status.Success,
            $"{invocation.Result.Exception?.Message} | {string.Join(" | ", host.Output.TakeLast(20))}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(channel.Received);
        Assert.Equal(("grpc", question.Id), (sent.ConversationId, sent.ReplyToId));
        Assert.Contains("Il est important d’être à jeun", sent.Activity.Text, StringComparison.Ordinal);
        Assert.Equal("fasting", sent.Activity.Chatbot().GetProperty("topic").GetString());
    }

    [Fact]
    public async Task AWorkerWhoseHostIsUnreachable_SaysWhichEndpoint_AndExitsNonZero_WithinSeconds()
    {
        await using var host = await GrpcHostStandIn.StartAsync();
        var endpoint = new Uri($"http://127.0.0.1:{Storage.Azurite.FreePort()}/");
        var worker = host.StartWorker(endpoint, new Dictionary<string, string>());
        var clock = Stopwatch.StartNew();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await worker.WaitForExitAsync(timeout.Token);

        // A plain exit (not an abort with a core dump), and one line an operator can act on.
        Assert.Equal(WorkerApp.HostUnreachable, worker.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Contains(host.Output, line =>
            line.Contains(
                $"The Functions host's gRPC endpoint {endpoint} cannot be reached (Unavailable",
                StringComparison.Ordinal)
            && line.Contains("the worker stops", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Output, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
    }
}
