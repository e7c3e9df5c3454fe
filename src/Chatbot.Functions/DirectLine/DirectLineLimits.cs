using System.Threading.RateLimiting;
using Chatbot.Functions.Hosting;
using Chatbot.Functions.Messages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.DirectLine;

/// <summary>
/// How often one patient may open a chat (per client address) and post (per conversation).
/// The client address is the forwarded one (<see cref="ClientAddress"/>): keyed on the socket,
/// one client behind the Functions host could stop every patient from opening the chat.
/// </summary>
public static class DirectLineLimits
{
    public const string TokenPolicy = "directline-token";
    public const string ActivityPolicy = "directline-activity";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddDirectLineLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = RefuseAsync;
            limits.AddPolicy(TokenPolicy, context =>
                PerMinute(ClientAddress.Of(context), Options(context).TokensPerMinute));
            limits.AddPolicy(ActivityPolicy, context => PerMinute(
                context.Request.RouteValues["id"]?.ToString() ?? ClientAddress.Of(context),
                Options(context).ActivitiesPerMinute));
        });

    private static DirectLineOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window });

    /// <summary>Every 429 says when to come back (the window's end), and why, as problem details.</summary>
    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var left) ? left : Window;
        await ProblemBody.TooManyRequests(rejected.HttpContext.Response, wait, "too many requests this minute")
            .ExecuteAsync(rejected.HttpContext);
    }
}
