using System.Collections.Concurrent;
using System.Net;
using Chatbot.BotFramework.Connector;

namespace Chatbot.Functions.Tests;

/// <summary>
/// Stands in for the network under the bot's Connector client: every request it would have sent,
/// to whatever host, is recorded and answered 200 — so a test can say "nothing left the bot".
/// </summary>
public sealed class OutboundRecorder
{
    public ConcurrentQueue<Uri> Sent { get; } = new();

    /// <summary>Installs the recorder as the Connector client's network (a BotHost's replace argument).</summary>
    public void Replace(IServiceCollection services) =>
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new Handler(this));

    private sealed class Handler(OutboundRecorder recorder) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            recorder.Sent.Enqueue(request.RequestUri!);
            var sent = new StringContent("{\"id\":\"sent-1\"}", System.Text.Encoding.UTF8, "application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = sent });
        }
    }
}
