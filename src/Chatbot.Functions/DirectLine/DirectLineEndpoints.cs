using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.BotFramework.Schema;
using Chatbot.Functions.Messages;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.DirectLine;

/// <summary><c>POST /api/directline/token</c>: what the page asks for before opening Web Chat.</summary>
public static class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/directline/token", IssueAsync).RequireRateLimiting(DirectLineLimits.TokenPolicy);
        if (app.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value.Secret is not { Length: > 0 }
            && !app.ServiceProvider.GetRequiredService<IOptions<BotFramework.Auth.BotAuthOptions>>().Value.AuthenticationEnabled)
        {
            app.MapLocalDirectLine();
        }
        return app;
    }

    /// <summary>
    /// Production: exchanges the Direct Line secret for a conversation token bound to a generated
    /// "dl_" user id (the secret never reaches the browser). Local: a token of our own Direct Line.
    /// </summary>
    private static async Task<IResult> IssueAsync(HttpRequest request, IOptions<DirectLineOptions> options, LocalDirectLine local, IHttpClientFactory http, CancellationToken ct)
    {
        var user = "dl_" + Guid.NewGuid().ToString("N")[..16];
        if (options.Value.Secret is not { Length: > 0 } secret)
        {
            var conversation = "local-" + Guid.NewGuid().ToString("N")[..16];
            var domain = $"{request.Scheme}://{request.Host}/v3/directline";
            return TypedResults.Json(new WebChatToken(local.Issue(conversation, user), conversation, (int)local.Lifetime.TotalSeconds, domain, user), DirectLineJson.Default.WebChatToken);
        }
        using var generate = new HttpRequestMessage(HttpMethod.Post, options.Value.Endpoint.TrimEnd('/') + "/tokens/generate")
        {
            Content = JsonContent.Create(new TokenRequest(new DirectLineUser(user)), DirectLineJson.Default.TokenRequest),
        };
        generate.Headers.Authorization = new("Bearer", secret);
        DirectLineConversation? issued;
        try
        {
            using var response = await http.CreateClient(LocalDirectLineEndpoints.HttpClientName).SendAsync(generate, ct);
            if (!response.IsSuccessStatusCode) return ProblemBody.Result(502, "Direct Line did not issue a token");
            issued = await response.Content.ReadFromJsonAsync(DirectLineJson.Default.DirectLineConversation, ct);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ProblemBody.Result(502, "Direct Line is unreachable");
        }
        return issued is null ? ProblemBody.Result(502, "Direct Line answered without a token")
            : TypedResults.Json(new WebChatToken(issued.Token, issued.ConversationId, issued.ExpiresIn, options.Value.Endpoint, user), DirectLineJson.Default.WebChatToken);
    }

}
