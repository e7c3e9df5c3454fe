using Chatbot.Functions.Hosting;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker.Builder;

namespace Chatbot.Functions.Worker;

/// <summary>The isolated worker: the same services as the plain server, its functions run by the Functions host.</summary>
public static partial class WorkerApp
{
    /// <summary>The exit code of a worker that lost its host, or never reached it: the host starts another.</summary>
    public const int HostUnreachable = 3;

    public static IHost Create(string[] args, Action<IServiceCollection>? replace = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        // The host starts the worker in the app's folder or elsewhere: read settings from beside it.
        builder.Configuration.SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true);
        builder.Configuration.AddInMemoryCollection([new(FunctionsHost.Key, "true")]);
        builder.AddChatbot();
        builder.AddWorkerTelemetry();
        builder.Services.AddRouting();
        builder.Services.AddSingleton<HttpPipeline>();
        replace?.Invoke(builder.Services);
        var host = builder.Build();
        host.Services.WarmUp();
        return host;
    }

    /// <summary>
    /// Runs until the host stops the worker. A host whose gRPC endpoint cannot be reached was an
    /// unhandled exception, a stack trace and an abort (exit 134, a core dump): now one line that says
    /// which endpoint, and a plain non-zero exit.
    /// </summary>
    public static int Run(string[] args)
    {
        using var host = Create(args);
        try
        {
            // Started here, not by Run(): Run disposes the host, and its loggers with it, before the catch.
            host.Start();
        }
        catch (RpcException e)
        {
            var endpoint = host.Services.GetRequiredService<IConfiguration>()["Functions:Worker:HostEndpoint"]
                ?? FunctionsHost.EndpointOf(args);
            // The worker's logs go to its host over that very stream: this line goes to the process's own output.
            using var console = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
            var logger = console.CreateLogger<FunctionsHostLink>();
            var detail = e.Status.Detail;
            Log.HostUnreachable(logger, endpoint, e.StatusCode, detail);
            return HostUnreachable;
        }
        host.WaitForShutdown();
        return 0;
    }

    /// <summary>The category of the worker's link to its host in the logs.</summary>
    public sealed class FunctionsHostLink;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1020, Level = LogLevel.Critical,
            Message = "The Functions host's gRPC endpoint {Endpoint} cannot be reached ({Status}: {Detail}): " +
                "the worker stops")]
        public static partial void HostUnreachable(ILogger logger, string? endpoint, StatusCode status, string detail);
    }
}
