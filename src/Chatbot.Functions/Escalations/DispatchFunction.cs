using System.Text.Json.Serialization;

namespace Chatbot.Functions.Escalations;

/// <summary>
/// The timer-triggered <c>dispatch</c> function. A custom handler receives non-HTTP triggers as
/// <c>POST /{functionName}</c> with <c>{"Data":…,"Metadata":…}</c> and answers
/// <c>{"Outputs":…,"Logs":[…],"ReturnValue":…}</c>. On a serverless plan this, not the background
/// loop, guarantees pending notifications are retried: work outside a request is not protected.
/// </summary>
public static class DispatchFunction
{
    public static IEndpointRouteBuilder MapDispatch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dispatch", async (OutboxDispatcher dispatcher, CancellationToken ct) =>
        {
            var delivered = await dispatcher.DispatchDueAsync(ct);
            return InvocationResult.Logged($"outbox: {delivered} delivered");
        });
        return app;
    }
}

public sealed record InvocationResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, string> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] string? ReturnValue)
{
    /// <summary>The answer to a trigger with no outputs: one line for the host's log; a 500 makes the host count a failure.</summary>
    public static IResult Logged(string line, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(new InvocationResult(new Dictionary<string, string>(), [line], null), InvocationJson.Default.InvocationResult, statusCode: statusCode);
}

[JsonSerializable(typeof(InvocationResult))]
public sealed partial class InvocationJson : JsonSerializerContext;
