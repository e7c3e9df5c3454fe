using System.Diagnostics;
using System.Text.Json;
using Google.Protobuf.Collections;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using static Microsoft.Azure.Functions.Worker.Grpc.Messages.StreamingMessage;

namespace Chatbot.Functions.Tests.Worker;

/// <summary>
/// The built worker as the Functions host sees it once its functions are loaded: their metadata,
/// the worker's own HTTP endpoint, and invocations sent the way the host sends them.
/// </summary>
internal sealed class HostedWorker(
    GrpcHostStandIn host, Uri http, IReadOnlyDictionary<string, RpcFunctionMetadata> functions)
{
    /// <summary>The header by which the worker pairs a forwarded request with its gRPC invocation.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private static readonly HttpClient Forwarder = new() { Timeout = TimeSpan.FromSeconds(60) };

    public GrpcHostStandIn Host => host;

    /// <summary>The worker's Kestrel, as its <c>HttpUri</c> capability said.</summary>
    public Uri Http => http;

    public IReadOnlyDictionary<string, RpcFunctionMetadata> Functions => functions;

    /// <summary>
    /// Starts the worker as the host does and takes it through StartStream, init, metadata and the
    /// load of every function; <paramref name="loaded"/> is called once all are loaded.
    /// </summary>
    public static async Task<HostedWorker> StartAsync(
        GrpcHostStandIn host, IReadOnlyDictionary<string, string> settings, Action? loaded = null)
    {
        host.StartWorker(host.Address, settings);
        await host.ReceiveAsync(ContentOneofCase.StartStream);
        var folder = host.Folder;
        await host.SendAsync(new StreamingMessage
        {
            WorkerInitRequest = new()
            {
                HostVersion = "4.0.0", WorkerDirectory = folder, FunctionAppDirectory = folder,
            },
        });
        var init = (await host.ReceiveAsync(ContentOneofCase.WorkerInitResponse)).WorkerInitResponse;
        Require(init.Result, "init");
        await host.SendAsync(new() { FunctionsMetadataRequest = new() { FunctionAppDirectory = folder } });
        var metadata = (await host.ReceiveAsync(ContentOneofCase.FunctionMetadataResponse)).FunctionMetadataResponse;
        foreach (var function in metadata.FunctionMetadataResults)
        {
            var id = function.FunctionId;
            await host.SendAsync(new() { FunctionLoadRequest = new() { FunctionId = id, Metadata = function } });
            var load = await host.ReceiveAsync(
                ContentOneofCase.FunctionLoadResponse, m => m.FunctionLoadResponse.FunctionId == id);
            Require(load.FunctionLoadResponse.Result, function.Name);
        }
        loaded?.Invoke();
        var functions = metadata.FunctionMetadataResults.ToDictionary(f => f.Name);
        return new HostedWorker(host, new Uri(init.Capabilities["HttpUri"]), functions);
    }

    /// <summary>A Bot Framework activity posted to <c>messages</c> as the host would run it (below).</summary>
    public Task<(HttpResponseMessage Response, InvocationResponse Invocation)> PostActivityAsync(
        HttpContent activity) =>
        InvokeHttpAsync("messages", new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = activity });

    /// <summary>
    /// An HTTP trigger as the host runs it for a worker with the ASP.NET Core integration: the
    /// request forwarded to the worker's Kestrel with the invocation's id in a header and, at the
    /// same time, the invocation over gRPC whose trigger binding is an empty <c>RpcHttp</c> (the
    /// request itself travels over HTTP). The worker pairs the two; neither answers without the other.
    /// </summary>
    public async Task<(HttpResponseMessage Response, InvocationResponse Invocation)> InvokeHttpAsync(
        string function, HttpRequestMessage request)
    {
        var invocationId = Guid.NewGuid().ToString();
        request.RequestUri = new Uri(http, request.RequestUri!.OriginalString.TrimStart('/'));
        request.Headers.Add(InvocationIdHeader, invocationId);
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        var forwarded = ForwardAsync(request);
        var headers = request.Headers.Concat(request.Content?.Headers.AsEnumerable() ?? [])
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value));
        var trigger = TriggerOf(function, new TypedData { Http = new RpcHttp() });
        var invocation = SendAsync(function, invocationId, trigger, new()
        {
            ["Query"] = new TypedData { Json = "{}" },
            ["Headers"] = new TypedData { Json = JsonSerializer.Serialize(headers) },
        });
        return (await forwarded, await invocation);
    }

    /// <summary>
    /// The host retries a request the worker's Kestrel refused (it may report its address before it
    /// listens), backing off from 50 to 250 ms; here for up to 10 s, not the host's ten tries: a loaded
    /// machine starts Kestrel later. The worker waits 15 s for the request once the invocation arrived.
    /// </summary>
    private static async Task<HttpResponseMessage> ForwardAsync(HttpRequestMessage request)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync();
        var clock = Stopwatch.StartNew();
        for (var delay = 50; ; delay = Math.Min(delay * 2, 250))
        {
            try
            {
                return await Forwarder.SendAsync(Copy(request, body));
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(delay);
            }
        }
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var (name, values) in request.Headers) copy.Headers.TryAddWithoutValidation(name, values);
        if (body is null) return copy;
        copy.Content = new ByteArrayContent(body);
        foreach (var (name, values) in request.Content!.Headers)
            copy.Content.Headers.TryAddWithoutValidation(name, values);
        return copy;
    }

    /// <summary>A queue message as the host hands it to a function: its text, and what the queue knows of it.</summary>
    public Task<InvocationResponse> InvokeQueueAsync(
        string function, string messageId, string text, long dequeueCount) =>
        SendAsync(function, Guid.NewGuid().ToString(), TriggerOf(function, new TypedData { String = text }), new()
        {
            ["Id"] = new TypedData { String = messageId },
            ["DequeueCount"] = new TypedData { Json = $"{dequeueCount}" },
            ["MessageText"] = new TypedData { String = text },
        });

    /// <summary>A timer's tick as the host sends it: the <c>TimerInfo</c> as JSON.</summary>
    public Task<InvocationResponse> InvokeTimerAsync(string function, DateTimeOffset now)
    {
        var timer = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = now.AddMinutes(-1), Next = now.AddMinutes(1), LastUpdated = now },
            IsPastDue = false,
        });
        var trigger = TriggerOf(function, new TypedData { Json = timer });
        return SendAsync(function, Guid.NewGuid().ToString(), trigger, new());
    }

    /// <summary>The function's trigger binding, named as its parameter (the metadata says which).</summary>
    private ParameterBinding TriggerOf(string function, TypedData data) => new()
    {
        Name = functions[function].Bindings.Single(b => b.Value.Direction == BindingInfo.Types.Direction.In
            && b.Value.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).Key,
        Data = data,
    };

    private async Task<InvocationResponse> SendAsync(
        string function, string invocationId, ParameterBinding trigger, Dictionary<string, TypedData> metadata)
    {
        var request = new InvocationRequest
        {
            FunctionId = functions[function].FunctionId,
            InvocationId = invocationId,
            TraceContext = new()
            {
                TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01",
            },
            InputData = { trigger },
        };
        Add(request.TriggerMetadata, metadata);
        return await host.InvokeAsync(request);
    }

    /// <summary>A failed step stops here (not an xunit assertion: the benchmarks run this too).</summary>
    private static void Require(StatusResult result, string step)
    {
        if (result.Status != StatusResult.Types.Status.Success)
            throw new InvalidOperationException($"{step}: {result.Status} {result.Exception?.Message}");
    }

    private static void Add(MapField<string, TypedData> map, Dictionary<string, TypedData> values)
    {
        foreach (var (key, value) in values) map.Add(key, value);
    }
}
