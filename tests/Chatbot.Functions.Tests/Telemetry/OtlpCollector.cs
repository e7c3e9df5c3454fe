using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;

namespace Chatbot.Functions.Tests.Telemetry;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP side on loopback: keeps the raw bytes of every export
/// (protobuf, unzipped if sent gzipped) by path — /v1/traces, /v1/metrics, /v1/logs — and answers
/// 200 as a collector does, so a test can search what really left the bot.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication app;

    private OtlpCollector(WebApplication app, string address)
    {
        this.app = app;
        Endpoint = address;
    }

    public string Endpoint { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Exports { get; } = new();

    /// <summary>The settings that make the bot export here, by the standard variables.</summary>
    public string[] Settings =>
    [
        $"--OTEL_EXPORTER_OTLP_ENDPOINT={Endpoint}",
        "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
        "--OTEL_BSP_SCHEDULE_DELAY=200",
        "--OTEL_BLRP_SCHEDULE_DELAY=200",
        "--OTEL_METRIC_EXPORT_INTERVAL=500",
    ];

    public static async Task<OtlpCollector> StartAsync()
    {
        OtlpCollector? collector = null;
        var (app, address) = await Loopback.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpRequest request, string signal) =>
        {
            using var body = new MemoryStream();
            var content = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
            await content.CopyToAsync(body);
            collector!.Exports.Enqueue(("/v1/" + signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        }));
        return collector = new OtlpCollector(app, address);
    }

    public byte[] All(string path) => [.. Exports.Where(e => e.Path == path).SelectMany(e => e.Body)];

    public byte[] Everything => [.. Exports.SelectMany(e => e.Body)];

    /// <summary>Whether <paramref name="text"/> is in <paramref name="bytes"/>, as protobuf writes strings (UTF-8).</summary>
    public static bool Holds(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
