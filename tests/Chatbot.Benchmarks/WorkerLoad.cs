using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Chatbot.Functions.Tests.Worker;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Chatbot.Benchmarks;

/// <summary>
/// Throughput and latency of the isolated worker on its own HTTP port, every request a real
/// invocation: the gRPC InvocationRequest and the request forwarded with its id, through the tests'
/// stand-in of the Functions host (wrk cannot pair the two). The same mixed questions and 1 000
/// conversations as scripts/load/activity.lua, expectReplies.
/// Usage: load-worker [-c 64] [-d 10] -- FOLDER; prints "RESULT turns/s p50 p90 p99 errors".
/// </summary>
public static class WorkerLoad
{
    private static readonly string[] Questions =
    [
        "Est-ce que je dois être à jeun avant mon ostéosynthèse ?",
        "quand est ce que je pourrais remarcher apres la cimentoplastie",
        "Quels sont les risques de la vertébroplastie ?", "C'est remboursé par la sécu ?",
        "je serai endormie pendant l'intervention ?", "Dopo quanto tempo posso camminare?", "Devo essere a digiuno?",
        "What are the risks of cementoplasty?", "Bonjour",
        "Je voudrais parler à une infirmière",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = Option(args, "-c", 64);
        var seconds = Option(args, "-d", 10);
        var folder = args.SkipWhile(a => a != "--").Skip(1).FirstOrDefault();
        if (folder is null || !File.Exists(Path.Combine(folder, "Chatbot.Functions.dll")))
        {
            Console.Error.WriteLine("usage: load-worker [-c 64] [-d 10] -- FOLDER (with Chatbot.Functions.dll)");
            return 2;
        }
        await using var host = await GrpcHostStandIn.StartAsync(Path.GetFullPath(folder));
        var worker = await HostedWorker.StartAsync(host, new Dictionary<string, string>());
        await LoadAsync(worker, 16, TimeSpan.FromSeconds(3)); // warm-up, not reported
        var (turns, errors) = await LoadAsync(worker, connections, TimeSpan.FromSeconds(seconds));
        turns.Sort();
        double At(double q) => turns.Count == 0 ? double.NaN : turns[Math.Min(turns.Count - 1, (int)(q * turns.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {turns.Count / (double)seconds:0.0} {At(0.5):0.00} {At(0.9):0.00} {At(0.99):0.00} {errors}"));
        return 0;
    }

    private static async Task<(List<double> Turns, int Errors)> LoadAsync(
        HostedWorker worker, int connections, TimeSpan duration)
    {
        var turns = new List<double>();
        var errors = 0;
        var counter = 0;
        var end = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async loop =>
        {
            while (end.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref counter);
                var clock = Stopwatch.StartNew();
                var ok = await TurnAsync(worker, $"load-{loop}-{n % 1000}", n);
                var ms = clock.Elapsed.TotalMilliseconds;
                lock (turns)
                {
                    if (ok) turns.Add(ms);
                    else errors++;
                }
            }
        }));
        return (turns, errors);
    }

    private static async Task<bool> TurnAsync(HostedWorker worker, string conversation, int n)
    {
        var body = $$"""
            {"type":"message","id":"a-{{n}}","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",
             "from":{"id":"u-{{conversation}}","role":"user"},
             "recipient":{"id":"bot","role":"bot"},"conversation":{"id":"{{conversation}}"},"locale":"fr-FR",
             "text":"{{Questions[n % Questions.Length]}}","deliveryMode":"expectReplies"}
            """;
        try
        {
            var (response, invocation) = await worker.PostActivityAsync(
                new StringContent(body, Encoding.UTF8, "application/json"));
            using (response)
            {
                return response.StatusCode == HttpStatusCode.OK
                    && invocation.Result.Status == StatusResult.Types.Status.Success
                    && (await response.Content.ReadAsStringAsync()).Contains("\"message\"", StringComparison.Ordinal);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
