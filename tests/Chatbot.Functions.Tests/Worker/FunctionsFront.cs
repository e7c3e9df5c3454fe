using System.Reflection;
using System.Text.Json;
using Chatbot.Functions.Hosting;
using Chatbot.Functions.Worker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Functions.Tests.Worker;

/// <summary>One function as the build wrote it in functions.metadata (what the host indexes).</summary>
public sealed record FunctionEntry(string Name, string TriggerType, string? Route, string[] Methods);

/// <summary>
/// A stand-in for the Functions host's HTTP side, without its gRPC channel: it routes each request
/// as the host does, by the routes and methods in functions.metadata, and runs the [Function] that
/// route names with the request's HttpContext, as the ASP.NET Core integration hands it over.
/// What matches no function gets the stand-in's bare 404, as from the host.
/// </summary>
public static class FunctionsFront
{
    public static IReadOnlyList<FunctionEntry> Functions()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return [.. json.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("direction").GetString() == "In");
            return new FunctionEntry(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : []);
        })];
    }

    /// <summary>The worker's gRPC client and its own Kestrel need the real host: this front stands in for both.</summary>
    public static void WithoutFunctionsRuntime(IServiceCollection services) =>
        services.RemoveAll<IHostedService>(d => d.ImplementationType?.Name is "WorkerHostedService" or "GenericWebHostService");

    private static void RemoveAll<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> which)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T) && which(d)).ToList()) services.Remove(descriptor);
    }

    public static async Task<WebApplication> StartAsync(IServiceProvider worker)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        // The worker's Kestrel, which the host forwards to, has the bot's body limit.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = HostingSetup.MaxBodyBytes);
        var app = builder.Build();
        foreach (var function in Functions().Where(f => f.TriggerType == "httpTrigger"))
            app.MapMethods("/" + function.Route, function.Methods, context => InvokeAsync(worker, function.Name, context));
        await app.StartAsync();
        return app;
    }

    /// <summary>Runs one HTTP function as the worker does: its class made in the invocation's scope.</summary>
    public static async Task InvokeAsync(IServiceProvider worker, string function, HttpContext context)
    {
        var method = typeof(HttpFunctions).GetMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == function);
        await using var scope = worker.CreateAsyncScope();
        var own = context.RequestServices;
        context.RequestServices = scope.ServiceProvider;
        try
        {
            var functions = ActivatorUtilities.CreateInstance<HttpFunctions>(scope.ServiceProvider);
            await (Task)method.Invoke(functions, [context.Request])!;
        }
        finally
        {
            context.RequestServices = own;
        }
    }
}
