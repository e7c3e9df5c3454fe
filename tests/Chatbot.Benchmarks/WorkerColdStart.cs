using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Chatbot.Functions.Tests.Worker;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Chatbot.Benchmarks;

/// <summary>
/// The isolated worker's cold start as the Functions host meets it: milliseconds from spawning the
/// worker (with the host's arguments, through the gRPC stand-in of the tests) to all its functions
/// loaded, then to the first question answered (the gRPC invocation and its forwarded request).
/// The stand-in's own start is not counted: a host is up before it starts a worker.
/// Usage: coldstart-worker [-n 7] -- FOLDER (a publish of src/Chatbot.Functions); prints each run,
/// then "median N ms (loaded M ms) ...".
/// </summary>
public static class WorkerColdStart
{
    private const string Question = """
        {"type":"message","id":"cold-1","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",
         "from":{"id":"u1","role":"user"},
         "recipient":{"id":"bot","role":"bot"},"conversation":{"id":"cold-conv"},"locale":"fr-FR",
         "text":"Est-ce que je dois être à jeun avant mon ostéosynthèse ?","deliveryMode":"expectReplies"}
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args is ["-n", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 7;
        var folder = args.SkipWhile(a => a != "--").Skip(1).FirstOrDefault();
        if (folder is null || !File.Exists(Path.Combine(folder, "Chatbot.Functions.dll")))
        {
            Console.Error.WriteLine("usage: coldstart-worker [-n 7] -- FOLDER (with Chatbot.Functions.dll)");
            return 2;
        }
        var loaded = new List<double>();
        var answered = new List<double>();
        // The first run only warms this measuring process (its gRPC server and HTTP stack): not counted.
        for (var i = 0; i <= runs; i++)
        {
            var (toLoaded, toAnswer) = await OnceAsync(Path.GetFullPath(folder));
            if (i == 0) continue;
            loaded.Add(toLoaded);
            answered.Add(toAnswer);
            Console.WriteLine($"run {i}: loaded {toLoaded:0.0} ms, answered {toAnswer:0.0} ms");
        }
        loaded.Sort();
        answered.Sort();
        Console.WriteLine($"median {answered[runs / 2]:0.0} ms (loaded {loaded[runs / 2]:0.0} ms; " +
            $"min {answered[0]:0.0}, max {answered[^1]:0.0}, {runs} runs)");
        return 0;
    }

    private static async Task<(double Loaded, double Answered)> OnceAsync(string folder)
    {
        await using var host = await GrpcHostStandIn.StartAsync(folder);
        var clock = Stopwatch.StartNew();
        var loaded = TimeSpan.Zero;
        // The worker's settings come from this process's environment (the script's).
        var worker = await HostedWorker.StartAsync(
            host, new Dictionary<string, string>(), () => loaded = clock.Elapsed);
        var (response, invocation) = await worker.PostActivityAsync(
            new StringContent(Question, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        var answered = clock.Elapsed;
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("\"message\"", StringComparison.Ordinal)
            || invocation.Result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException(
                $"no answer: {response.StatusCode} {invocation.Result.Exception?.Message} " +
                string.Join(" | ", host.Output.TakeLast(10)));
        }
        return (loaded.TotalMilliseconds, answered.TotalMilliseconds);
    }
}
