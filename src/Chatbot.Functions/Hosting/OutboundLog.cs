using Microsoft.Extensions.Http.Logging;

namespace Chatbot.Functions.Hosting;

/// <summary>
/// Outbound HTTP calls logged by destination only: scheme, host and port. The default logger
/// writes the path, and paths carry secrets (a Teams incoming-webhook URL is its own key) and
/// conversation ids; .NET already redacts query strings, this drops the path too.
/// </summary>
public sealed partial class OutboundLog(ILogger<OutboundLog> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request)
    {
        if (!logger.IsEnabled(LogLevel.Information)) return null;
        var destination = Destination(request.RequestUri);
        Log.Sending(logger, request.Method.Method, destination);
        return destination;
    }

    public void LogRequestStop(
        object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (context is string destination)
            Log.Received(logger, (int)response.StatusCode, destination, elapsed.TotalMilliseconds);
    }

    public void LogRequestFailed(
        object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception,
        TimeSpan elapsed)
    {
        var destination = context as string ?? Destination(request.RequestUri);
        var error = exception.GetType().Name;
        Log.Failed(logger, destination, error, elapsed.TotalMilliseconds);
    }

    /// <summary><c>https://host:port</c>, without user, path, query or fragment.</summary>
    public static string Destination(Uri? uri) =>
        uri is { IsAbsoluteUri: true } ? $"{uri.Scheme}://{uri.Authority}" : "(relative address)";

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
            Message = "Sending HTTP {Method} to {Destination}")]
        public static partial void Sending(ILogger logger, string method, string destination);

        [LoggerMessage(EventId = 1011, Level = LogLevel.Information,
            Message = "HTTP {Status} from {Destination} after {Milliseconds:0} ms")]
        public static partial void Received(ILogger logger, int status, string destination, double milliseconds);

        [LoggerMessage(EventId = 1012, Level = LogLevel.Warning,
            Message = "HTTP call to {Destination} failed ({Error}) after {Milliseconds:0} ms")]
        public static partial void Failed(ILogger logger, string destination, string error, double milliseconds);
    }
}
