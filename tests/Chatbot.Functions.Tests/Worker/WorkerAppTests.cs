using System.Net;
using System.Text.Json;
using Chatbot.Functions.State;
using Chatbot.Functions.Worker;
using Microsoft.Azure.Functions.Worker;

namespace Chatbot.Functions.Tests.Worker;

/// <summary>
/// The function app the build produces, read as the Functions host reads it (host.json, the worker's
/// functions.metadata and worker.config.json), and each function run as the worker runs it.
/// </summary>
public class WorkerAppTests
{
    private static readonly string Output = AppContext.BaseDirectory;

    private static readonly string[] Expected =
        ["conversations", "directline-local", "directline-token", "dispatch", "escalations", "health", "messages", "notify", "retention", "site", "staff-activity", "staff-review", "staff-sign-in"];

    public static TheoryData<string> HttpFunctions() =>
        [.. FunctionsFront.Functions().Where(f => f.TriggerType == "httpTrigger").Select(f => f.Name)];

    [Fact]
    public void HostJson_HasNoCustomHandler_NoRoutePrefix_AndRetriesAQueueMessageAsTheListenerDoes()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "host.json")));

        Assert.False(host.RootElement.TryGetProperty("customHandler", out _));
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal(new StateOptions().MaxDequeueCount,
            host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public void TheBuild_IndexesEveryFunctionForTheWorker_AndWritesNoFunctionJson()
    {
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "worker.config.json")));
        var description = worker.RootElement.GetProperty("description");

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("Chatbot.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());
        Assert.Equal(Expected, FunctionsFront.Functions().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(Output, "function.json", SearchOption.AllDirectories));
        var notify = FunctionsFront.Functions().Single(f => f.Name == "notify");
        Assert.Equal("queueTrigger", notify.TriggerType);
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public async Task EachHttpFunction_IsServedByTheWorker(string function)
    {
        await using var bot = await BotHost.StartWorkerAsync();
        var entry = FunctionsFront.Functions().Single(f => f.Name == function);
        var path = "/" + entry.Route!.Replace("{*path}", "", StringComparison.Ordinal)
            .Replace("{*rest}", "", StringComparison.Ordinal).Replace("{key}", "emulator%3Aany", StringComparison.Ordinal).TrimEnd('/');

        using var response = await bot.Http.SendAsync(new HttpRequestMessage(new HttpMethod(entry.Methods[0]), path));

        if (function != "directline-local") Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Content-Type-Options"), $"{function}: no security headers");
    }

    [Fact]
    public async Task AFunction_CalledWithADefaultHttpContext_AnswersAsThePlainServer()
    {
        await using var bot = await BotHost.StartWorkerAsync();
        await using var scope = bot.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = "/api/health";
        context.Response.Body = new MemoryStream();

        await ActivatorUtilities.CreateInstance<HttpFunctions>(scope.ServiceProvider).Health(context.Request);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheRetentionTimer_RunsThePurgeOfThePlainServer()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotHost.StartWorkerAsync(logs.AddTo);

        await ActivatorUtilities.CreateInstance<TriggerFunctions>(bot.Services).Retention(new TimerInfo(), CancellationToken.None);

        // 1401: RetentionPurge's line; the worker has no purge loop of its own (the host runs the timer).
        Assert.Single(logs.Lines, l => l.Contains("[1401]", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is RetentionService);
    }
}
