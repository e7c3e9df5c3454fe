using System.Diagnostics;
using Chatbot.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using static Microsoft.Azure.Functions.Worker.Grpc.Messages.StreamingMessage;

namespace Chatbot.Functions.Tests.Worker;

/// <summary>
/// The built worker started as the Functions host starts it and driven over the host's gRPC
/// protocol: StartStream, init, metadata, load. (Invocations over gRPC are not driven yet:
/// docs/decisions/015.)
/// </summary>
public class WorkerOverGrpcTests
{
    private sealed record Loaded(GrpcHostStandIn Host, Uri Http, IReadOnlyDictionary<string, string> Ids);

    private static async Task<Loaded> StartAndLoadAsync(GrpcHostStandIn host, Dictionary<string, string> settings)
    {
        host.StartWorker(host.Address, settings);
        await host.ReceiveAsync(ContentOneofCase.StartStream);
        await host.SendAsync(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest
            {
                HostVersion = "4.0.0", WorkerDirectory = GrpcHostStandIn.WorkerFolder, FunctionAppDirectory = GrpcHostStandIn.WorkerFolder,
            },
        });
        var init = (await host.ReceiveAsync(ContentOneofCase.WorkerInitResponse)).WorkerInitResponse;
        Assert.Equal(StatusResult.Types.Status.Success, init.Result.Status);
        await host.SendAsync(new StreamingMessage { FunctionsMetadataRequest = new() { FunctionAppDirectory = GrpcHostStandIn.WorkerFolder } });
        var metadata = (await host.ReceiveAsync(ContentOneofCase.FunctionMetadataResponse)).FunctionMetadataResponse;
        foreach (var function in metadata.FunctionMetadataResults)
        {
            await host.SendAsync(new StreamingMessage { FunctionLoadRequest = new() { FunctionId = function.FunctionId, Metadata = function } });
            var load = await host.ReceiveAsync(ContentOneofCase.FunctionLoadResponse, m => m.FunctionLoadResponse.FunctionId == function.FunctionId);
            Assert.True(load.FunctionLoadResponse.Result.Status == StatusResult.Types.Status.Success,
                $"{function.Name}: {load.FunctionLoadResponse.Result.Exception?.Message}");
        }
        return new Loaded(host, new Uri(init.Capabilities["HttpUri"]),
            metadata.FunctionMetadataResults.ToDictionary(f => f.Name, f => f.FunctionId));
    }

    [Fact]
    public async Task TheWorker_StartedAsTheHostStartsIt_IndexesAndLoadsEveryFunction_AndOffersItsHttpUri()
    {
        await using var host = await GrpcHostStandIn.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "chatbot-test-" + Guid.NewGuid().ToString("N"));

        var worker = await StartAndLoadAsync(host, new() { ["Storage__SqlitePath"] = Path.Combine(data, "chatbot.db") });

        // Every [Function] of the app, by name: one added without the host indexing it fails here.
        Assert.Equal(
            ["conversations", "directline-local", "directline-token", "dispatch", "escalations", "health", "messages",
             "notify", "retention", "site", "staff-activity", "staff-review", "staff-sign-in"],
            worker.Ids.Keys.Order());
        Assert.Equal("http", worker.Http.Scheme);
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
