using System.Text.Json;

namespace Chatbot.Functions.Escalations;

/// <summary>
/// The queue-triggered <c>notify</c> function. The Functions host posts
/// <c>{"Data":{"message":…},"Metadata":{…}}</c>; a 500 tells it the attempt failed, so it retries
/// the message and, after maxDequeueCount attempts, moves it to <c>notifications-poison</c>.
/// </summary>
public static class NotifyFunction
{
    public static IEndpointRouteBuilder MapNotify(this IEndpointRouteBuilder app)
    {
        app.MapPost("/notify", async Task<IResult> (HttpContext context, CancellationToken ct) =>
        {
            if (context.RequestServices.GetService<QueuedNotifications>() is not { } queue)
                return Messages.ProblemBody.Result(404, "notify needs Storage:Provider=AzureStorage");
            string? message;
            try
            {
                using var invocation = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: ct);
                message = invocation.RootElement.TryGetProperty("Data", out var data) && data.TryGetProperty("message", out var value)
                    ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                    : null;
            }
            catch (JsonException)
            {
                message = null;
            }
            if (message is null) return Messages.ProblemBody.Result(400, "expected a queue trigger invocation: {\"Data\":{\"message\":…}}");
            var outcome = await queue.HandleAsync(message, ct);
            return InvocationResult.Logged($"notify: {outcome}", outcome is Delivery.RetryLater or Delivery.Unreadable ? 500 : 200);
        });
        return app;
    }
}
