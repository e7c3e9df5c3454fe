using Chatbot.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;

namespace Chatbot.Functions.Worker;

/// <summary>The isolated worker: the same services as the plain server, its functions run by the Functions host.</summary>
public static class WorkerApp
{
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
}
