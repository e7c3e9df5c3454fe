using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Benchmarks;

/// <summary>
/// A collector's OTLP/HTTP side on loopback that reads and drops every export, counting the bytes:
/// telemetry "on" costs the bot the whole export, as with a real collector, without one installed.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private long bytes;
    private long exports;

    private OtlpSink(WebApplication app) => this.app = app;

    public string Endpoint => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public long Bytes => Interlocked.Read(ref bytes);

    public long Exports => Interlocked.Read(ref exports);

    public static async Task<OtlpSink> StartAsync(int port = 0)
    {
        var app = WebApplication.CreateSlimBuilder(["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"]).Build();
        var sink = new OtlpSink(app);
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0) Interlocked.Add(ref sink.bytes, read);
            Interlocked.Increment(ref sink.exports);
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return sink;
    }

    /// <summary><c>otlp-sink PORT</c>: runs until stopped (SIGTERM), then prints what it received.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var sink = await StartAsync(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture));
        await sink.app.WaitForShutdownAsync();
        Console.WriteLine($"otlp-sink exports={sink.Exports} bytes={sink.Bytes}");
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
