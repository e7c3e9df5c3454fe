using System.Collections.Frozen;
using System.Diagnostics;
using Chatbot.Functions.Hosting;
using OpenTelemetry;

namespace Chatbot.Functions.Telemetry;

/// <summary>
/// Runs on every span before any exporter sees it and keeps only attributes known to hold no patient
/// data: ours (<c>chatbot.*</c>, set from the engine's labels) and the HTTP ones below. A server
/// span's path becomes its route template (Direct Line and staff paths carry conversation ids), a
/// client span's URL its scheme, host and port (a Teams webhook's path is its secret; Table Storage
/// paths hold conversation keys), as <see cref="OutboundLog"/> does for logs. The client's address
/// and user agent go. A span with an event carrying more than a type (an exception's message may
/// quote the patient) cannot be cleaned, events being read-only: it is not exported.
/// </summary>
public sealed class SpanRedaction : BaseProcessor<Activity>
{
    private static readonly FrozenSet<string> Kept = FrozenSet.Create(StringComparer.Ordinal,
        "http.request.method", "http.request.method_original", "http.response.status_code", "http.route",
        "http.request.resend_count", "url.scheme", "server.address", "server.port", "network.protocol.name",
        "network.protocol.version", "error.type", "otel.status_code", "url.path", "url.full");

    public override void OnEnd(Activity data)
    {
        List<string>? dropped = null;
        foreach (var tag in data.TagObjects)
        {
            if (!Kept.Contains(tag.Key) && !tag.Key.StartsWith("chatbot.", StringComparison.Ordinal)) (dropped ??= []).Add(tag.Key);
        }
        if (dropped is not null) foreach (var key in dropped) data.SetTag(key, null);

        var route = data.GetTagItem("http.route") as string;
        var method = data.GetTagItem("http.request.method") as string;
        if (data.GetTagItem("url.path") is not null) data.SetTag("url.path", route);
        if (data.GetTagItem("url.full") is string full)
            data.SetTag("url.full", Uri.TryCreate(full, UriKind.Absolute, out var uri) ? OutboundLog.Destination(uri) : null);
        if (data.Kind is ActivityKind.Server or ActivityKind.Client && method is not null)
            data.DisplayName = route is null || data.Kind == ActivityKind.Client ? method : $"{method} {route}";
        if (data.StatusDescription is not null) data.SetStatus(data.Status);
        if (HasDetailedEvent(data)) data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }

    private static bool HasDetailedEvent(Activity data)
    {
        foreach (var e in data.Events)
        {
            foreach (var tag in e.Tags)
            {
                if (tag.Key != "exception.type") return true;
            }
        }
        return false;
    }
}
