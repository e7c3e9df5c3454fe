using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Azure.Functions.Worker.Grpc.Messages.StreamingMessage;

namespace Chatbot.Functions.Tests.Worker;

/// <summary>
/// The Functions host's side of its gRPC protocol with a worker, as far as these tests need it: it
/// starts the built worker as the host does (its arguments and environment), takes the worker's
/// event stream, and lets a test send host messages and wait for the worker's answers. Also
/// compiled into tests/Chatbot.Benchmarks, which times the worker's cold start through it.
/// </summary>
internal sealed class GrpcHostStandIn : FunctionRpc.FunctionRpcBase, IAsyncDisposable
{
    private readonly Channel<StreamingMessage> toWorker = Channel.CreateUnbounded<StreamingMessage>();
    private readonly Channel<StreamingMessage> fromWorker = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> invocations = new();
    private WebApplication? server;

    public Process? Worker { get; private set; }

    public ConcurrentQueue<string> Output { get; } = new();

    public Uri Address { get; private set; } = null!;

    /// <summary>The function app's folder: where the worker's dll, host.json and functions.metadata are.</summary>
    public string Folder { get; private init; } = WorkerFolder;

    /// <summary>The worker as built next to the tests' configuration (src/Chatbot.Functions/bin/…).</summary>
    public static string WorkerFolder => AppContext.BaseDirectory
        .Replace(Path.Combine("tests", "Chatbot.Functions.Tests", "bin"), Path.Combine("src", "Chatbot.Functions", "bin"), StringComparison.Ordinal);

    public static async Task<GrpcHostStandIn> StartAsync(string? folder = null)
    {
        var host = new GrpcHostStandIn { Folder = folder ?? WorkerFolder };
        var builder = WebApplication.CreateSlimBuilder(["--Logging:LogLevel:Default=Warning"]);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton(host);
        host.server = builder.Build();
        host.server.MapGrpcService<GrpcHostStandIn>();
        await host.server.StartAsync();
        var addresses = host.server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        host.Address = new Uri(addresses.Addresses.First() + "/");
        return host;
    }

    /// <summary>Starts the worker with the arguments the Functions host gives a .NET isolated worker.</summary>
    public Process StartWorker(Uri endpoint, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(Folder, "Chatbot.Functions.dll"), "--functions-uri", endpoint.ToString(),
            "--functions-worker-id", Guid.NewGuid().ToString(), "--functions-request-id", Guid.NewGuid().ToString(),
            "--functions-grpc-max-message-length", "2147483647",
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["AzureWebJobsScriptRoot"] = Folder;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = Folder;
        foreach (var (key, value) in settings) start.Environment[key] = value;
        Worker = Process.Start(start)!;
        Worker.OutputDataReceived += (_, line) => Output.Enqueue(line.Data ?? "");
        Worker.ErrorDataReceived += (_, line) => Output.Enqueue(line.Data ?? "");
        Worker.BeginOutputReadLine();
        Worker.BeginErrorReadLine();
        return Worker;
    }

    public override async Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        // gRPC takes this very instance from the services (registered as a singleton).
        var host = this;
        var writing = Task.Run(async () =>
        {
            await foreach (var message in host.toWorker.Reader.ReadAllAsync(context.CancellationToken))
                await responseStream.WriteAsync(message);
        });
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            // Logs and invocation answers go where they are awaited (invocations may run concurrently).
            if (message.ContentCase == ContentOneofCase.RpcLog) host.Output.Enqueue(message.RpcLog.Message);
            else if (message.ContentCase == ContentOneofCase.InvocationResponse
                && host.invocations.TryRemove(message.InvocationResponse.InvocationId, out var waiting))
                waiting.TrySetResult(message.InvocationResponse);
            else await host.fromWorker.Writer.WriteAsync(message);
        }
        await writing;
    }

    public ValueTask SendAsync(StreamingMessage message) => toWorker.Writer.WriteAsync(message);

    /// <summary>Sends an invocation and waits for its answer, whatever other invocations run meanwhile.</summary>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request)
    {
        var answer = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        invocations[request.InvocationId] = answer;
        await SendAsync(new StreamingMessage { InvocationRequest = request });
        return await answer.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The worker's next message of that kind (others are passed over; logs go to <see cref="Output"/>).</summary>
    public async Task<StreamingMessage> ReceiveAsync(ContentOneofCase kind, Func<StreamingMessage, bool>? which = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var message = await fromWorker.Reader.ReadAsync(timeout.Token);
            if (message.ContentCase == kind && (which is null || which(message))) return message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Worker is { HasExited: false })
        {
            Worker.Kill(entireProcessTree: true);
            await Worker.WaitForExitAsync();
        }
        Worker?.Dispose();
        toWorker.Writer.TryComplete();
        if (server is not null) await server.DisposeAsync();
    }
}
