namespace Chatbot.Functions.Hosting;

/// <summary>
/// Whether an Azure Functions host started this process, so it runs as the isolated worker. The host
/// passes its gRPC address as <c>--functions-uri</c> (or Functions__Worker__HostEndpoint); on Flex
/// Consumption it can load the app into FunctionsNetHost with no arguments at all (placeholder
/// mode), which it marks in the AppContext: arguments alone would miss that start.
/// </summary>
public static class FunctionsHost
{
    public const string NativeHostSwitch = "AZURE_FUNCTIONS_NATIVE_HOST";

    public const string EndpointArgument = "--functions-uri";

    public const string EndpointVariable = "Functions__Worker__HostEndpoint";

    /// <summary>Set by the worker: the host runs the timers and the queue trigger (tests set it too).</summary>
    public const string Key = "Chatbot:FunctionsHost";

    public static bool StartedBy(IReadOnlyList<string> args) =>
        StartedBy(args, Environment.GetEnvironmentVariable, AppContext.GetData);

    public static bool StartedBy(
        IReadOnlyList<string> args, Func<string, string?> environment, Func<string, object?> appContext) =>
        appContext(NativeHostSwitch) is not null
        || !string.IsNullOrEmpty(environment(EndpointVariable))
        || args.Any(a => a == EndpointArgument || a.StartsWith(EndpointArgument + "=", StringComparison.Ordinal));

    /// <summary>The host's gRPC address in the arguments (<c>--functions-uri URI</c> or <c>=URI</c>).</summary>
    public static string? EndpointOf(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == EndpointArgument) return i + 1 < args.Count ? args[i + 1] : null;
            if (args[i].StartsWith(EndpointArgument + "=", StringComparison.Ordinal))
                return args[i][(EndpointArgument.Length + 1)..];
        }
        return null;
    }

    /// <summary>On Azure Functions the host runs the timers and the queue trigger; elsewhere hosted services.</summary>
    public static bool OnAzureFunctions(this IConfiguration configuration) =>
        bool.TryParse(configuration[Key], out var on) && on;
}
