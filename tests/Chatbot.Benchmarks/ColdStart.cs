using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chatbot.Benchmarks;

/// <summary>
/// Cold start as a patient meets it: milliseconds from spawning a bot to its first 200 reply
/// carrying a message activity, for a real question (deliveryMode expectReplies). The bot listens
/// on $PORT (the reference) / $ASPNETCORE_URLS (ours, the plain server).
/// Usage: coldstart [-n 7] -- COMMAND [ARGS...]; prints each run, then "median N ms".
/// </summary>
public static class ColdStart
{
    private const string Question = "Est-ce que je dois être à jeun avant mon ostéosynthèse ?";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args is ["-n", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 7;
        var command = args.SkipWhile(a => a != "--").Skip(1).ToArray();
        if (command.Length == 0)
        {
            Console.Error.WriteLine("usage: coldstart [-n 7] -- COMMAND [ARGS...]");
            return 2;
        }
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1), PooledConnectionLifetime = TimeSpan.Zero });
        var body = $$"""
            {"type":"message","id":"cold-1","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","from":{"id":"u1","role":"user"},
             "recipient":{"id":"bot","role":"bot"},"conversation":{"id":"cold-conv"},"locale":"fr-FR","text":"{{Question}}","deliveryMode":"expectReplies"}
            """;
        var times = new List<double>();
        // The first run only warms this measuring process (its HTTP stack's first call); it is not counted.
        for (var i = 0; i <= runs; i++)
        {
            var ms = await OnceAsync(http, command, body);
            if (i > 0)
            {
                times.Add(ms);
                Console.WriteLine($"run {i}: {ms:0.0} ms");
            }
        }
        times.Sort();
        Console.WriteLine($"median {times[times.Count / 2]:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}, {runs} runs)");
        return 0;
    }

    private static async Task<double> OnceAsync(HttpClient http, string[] command, string body)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        start.Environment["PORT"] = $"{port}";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var clock = Stopwatch.StartNew();
        using var bot = Process.Start(start)!;
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/api/messages"), content);
                    if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("\"message\"", StringComparison.Ordinal))
                        return clock.Elapsed.TotalMilliseconds;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                await Task.Delay(2);
            }
            throw new TimeoutException($"{command[0]} did not answer within 30 s");
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
