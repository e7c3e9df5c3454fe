using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Chatbot.Functions.Telemetry;

/// <summary>
/// Runs on every log record before any exporter sees it. Our own lines (<c>Chatbot.*</c>, all
/// <c>[LoggerMessage]</c>, written to carry no patient text) keep their values; other libraries'
/// keep only their message template, since their values can be paths with conversation ids
/// ("Request starting … /v3/directline/conversations/…") or request contents. An exception keeps
/// only its type: its message may quote what it failed to read.
/// </summary>
public sealed class LogRedaction : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        var ours = data.CategoryName?.StartsWith("Chatbot.", StringComparison.Ordinal) == true;
        var attributes = ours ? data.Attributes : null;
        if (data.Exception is { } exception)
        {
            data.Exception = null;
            attributes = [.. attributes ?? [], new("exception.type", exception.GetType().FullName)];
        }
        if (!ours) data.FormattedMessage = null;
        data.Attributes = attributes;
    }
}
