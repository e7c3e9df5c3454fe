using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>
/// Microsoft's Azure Storage emulator (npm azurite, installed by test.sh) on free loopback ports,
/// in a temporary folder, stopped and deleted afterwards. It can be stopped and started again on
/// the same ports and data, to test what the bot does while storage is away.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    // Azurite's published development account key: a well-known constant, not a secret.
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();
    private int tablePort = FreePort();
    private int queuePort = FreePort();
    private int blobPort = FreePort();
    private Process? process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;";

    /// <summary>Settings for a bot host using this Azurite, with tables and queue of its own.</summary>
    public string[] Settings(string tablePrefix) =>
    [
        "--Storage:Provider=AzureStorage", $"--Storage:ConnectionString={ConnectionString}",
        $"--Storage:TablePrefix={tablePrefix}", $"--Storage:NotificationQueue={tablePrefix.ToLowerInvariant()}-notifications",
    ];

    /// <summary>
    /// Starts on fresh ports, up to three times: under a loaded machine a port picked as free can be
    /// taken before Azurite binds it, and Azurite then exits at once.
    /// </summary>
    public static async Task<Azurite> StartAsync()
    {
        var azurite = new Azurite();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await azurite.StartAgainAsync();
                return azurite;
            }
            catch (SocketException) when (attempt < 3)
            {
                await azurite.StopAsync();
                (azurite.tablePort, azurite.queuePort, azurite.blobPort) = (FreePort(), FreePort(), FreePort());
            }
            catch (SocketException e)
            {
                var state = azurite.process is { HasExited: true } p ? $"exited with {p.ExitCode}" : "not listening after 60 s";
                throw new InvalidOperationException($"Azurite did not start ({state}): {string.Join(" | ", azurite.output.TakeLast(10))}", e);
            }
        }
    }

    public async Task StartAgainAsync()
    {
        var executable = Path.Combine(Repository.Root, "tests", "azurite", "node_modules", ".bin", "azurite");
        if (!File.Exists(executable)) throw new InvalidOperationException($"Azurite is not installed at {executable}: run bash test.sh (it runs npm ci in tests/azurite)");
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--location", folder,
                "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}", "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is { } text) output.Enqueue(text); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) output.Enqueue(text); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync(tablePort);
        await WaitForPortAsync(queuePort);
    }

    /// <summary>A graceful stop (SIGTERM): Azurite saves its data, as Azure Storage never loses a committed write.</summary>
    public async Task StopAsync()
    {
        if (process is null) return;
        using (var term = Process.Start("kill", ["-TERM", $"{process.Id}"])) await term.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temporary folder is cleaned by the system
        }
    }

    private async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && process is { HasExited: false })
            {
                await Task.Delay(100);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One Azurite for a test class; each test uses its own table prefix.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public Azurite Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await Azurite.DisposeAsync();

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}
