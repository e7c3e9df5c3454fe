using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chatbot.BotFramework.Auth;
using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Connector;

/// <summary>
/// Sends activities to a channel's Connector API: a reply goes to
/// <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>, a new message to
/// <c>…/activities</c>. Retries with backoff on 429 and 5xx come from the HttpClient's resilience handler.
/// Without a bot identity, only to a serviceUrl the policy allows: the last guard before the network,
/// for conversation references stored before the policy existed.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IOutboundTokens tokens, ServiceUrlPolicy serviceUrls)
{
    public const string HttpClientName = "connector";

    public async Task<ResourceResponse?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl ?? throw new ArgumentException("the activity has no serviceUrl", nameof(activity));
        var conversation = Uri.EscapeDataString(activity.Conversation?.Id ?? throw new ArgumentException("the activity has no conversation", nameof(activity)));
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{conversation}/activities";
        if (activity.ReplyToId is { Length: > 0 } replyTo) path += "/" + Uri.EscapeDataString(replyTo);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(BotJson.ToUtf8(activity, BotJson.Default.Activity)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (serviceUrls.Refusal(serviceUrl) is { } refusal)
        {
            throw new HttpRequestException(refusal);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentLength is 0 ? null
            : await response.Content.ReadFromJsonAsync(BotJson.Default.ResourceResponse, cancellationToken);
    }
}
