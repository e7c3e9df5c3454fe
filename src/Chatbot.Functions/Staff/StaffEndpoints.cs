using System.Text.Json.Serialization;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.Hosting;
using Chatbot.Functions.Messages;
using Chatbot.Functions.State;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Functions.Staff;

/// <summary>The staff API: list and read escalations (masked), acknowledge, reply, resolve.</summary>
public static partial class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/staff/sign-in", async Task<IResult> (StaffAuthenticator auth, CancellationToken ct) =>
        {
            try
            {
                return await auth.SignInAsync(ct) is { } signIn ? TypedResults.Json(signIn, StaffJson.Default.SignIn) : TypedResults.NoContent();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
            {
                return ProblemBody.Result(502, "the identity provider is unreachable");
            }
        });
        // The console's words for topics and procedures, from dialogs/ (French: the console's language).
        app.MapGet("/api/staff/labels", async Task<IResult> (HttpRequest request, StaffAuthenticator auth, Core.Content.ChatContent content) =>
            await AsStaff(request, auth, _ => Task.FromResult<IResult>(TypedResults.Json(StaffLabels.Of(content, "fr"), StaffJson.Default.StaffLabels))));
        var escalations = app.MapGroup("/api/escalations");
        escalations.MapGet("", async Task<IResult> (
            HttpRequest request, StaffAuthenticator auth, IEscalationStore store, CancellationToken ct) =>
            await AsStaff(request, auth, _ => StaffLists.PageAsync(request, store, ct)));
        escalations.MapGet("/{id}", async Task<IResult> (HttpRequest request, string id, StaffAuthenticator auth, IEscalationStore store, CancellationToken ct) =>
            await AsStaff(request, auth, async _ => Found(await store.GetAsync(id, ct), id)));
        escalations.MapGet("/outbox", async Task<IResult> (HttpRequest request, string? status, StaffAuthenticator auth, IEscalationStore store, CancellationToken ct) =>
            await AsStaff(request, auth, async _ => TypedResults.Json(await store.OutboxAsync(status, null, ct), StaffJson.Default.IReadOnlyListOutboxEntry)));
        escalations.MapPost("/{id}/acknowledge", async Task<IResult> (
            HttpRequest request, string id, StaffAuthenticator auth, StaffDesk desk, CancellationToken ct) =>
            await AsStaff(request, auth, async who => await Changed(() => desk.AcknowledgeAsync(id, who, ct), id)));
        escalations.MapPost("/{id}/resolve", async Task<IResult> (
            HttpRequest request, string id, StaffAuthenticator auth, StaffDesk desk, CancellationToken ct) =>
            await AsStaff(request, auth, async who => await Changed(() => desk.ResolveAsync(id, who, ct), id)));
        escalations.MapPost("/{id}/reply", async Task<IResult> (
            HttpRequest request, string id, StaffAuthenticator auth, StaffDesk desk, CancellationToken ct) =>
            await AsStaff(request, auth, async who =>
            {
                if (!request.HasJsonContentType()) return ProblemBody.Result(415, "the body must be application/json");
                var body = await request.ReadFromJsonAsync(StaffJson.Default.StaffReply, ct);
                if (body?.Text is not { Length: > 0 and <= StaffDesk.MaxReplyLength } text)
                    return ProblemBody.Result(400, $"a reply needs a text of 1 to {StaffDesk.MaxReplyLength} characters");
                try
                {
                    return await Changed(() => desk.ReplyAsync(id, who, text, ct), id);
                }
                catch (HttpRequestException)
                {
                    return ProblemBody.Result(502, "the patient's channel did not accept the message");
                }
            }));
        // GDPR erasure: everything about one conversation (state, escalations, notifications, review entries), in either store.
        app.MapDelete("/api/conversations/{key}", async Task<IResult> (HttpRequest request, string key, StaffAuthenticator auth, IDataRetention retention, ILogger<StaffDesk> logger, CancellationToken ct) =>
            await AsStaff(request, auth, async who =>
            {
                var erased = await retention.EraseConversationAsync(key, ct);
                Log.Erased(logger, who, erased.Conversations, erased.Escalations, erased.Notifications, erased.Reviews);
                return TypedResults.Json(erased, StaffJson.Default.ErasureReport);
            }));
        return app;
    }

    /// <summary>
    /// Every staff answer carries patient data or says who may see it: never stored by a browser or
    /// a proxy. A client that failed to sign in too often is refused before its credentials are read.
    /// </summary>
    internal static async Task<IResult> AsStaff(HttpRequest request, StaffAuthenticator auth, Func<string, Task<IResult>> action)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var throttle = request.HttpContext.RequestServices.GetRequiredService<SignInThrottle>();
        var client = ClientAddress.Of(request.HttpContext);
        if (throttle.RetryAfter(client) is { } wait)
            return ProblemBody.TooManyRequests(request.HttpContext.Response, wait, "too many failed sign-ins from this address");
        var caller = await auth.IdentifyAsync(request, request.HttpContext.RequestAborted);
        if (!caller.Allowed)
        {
            if (caller.RefusalStatus == 403) return ProblemBody.Result(403, "the Escalations.Handle role is required");
            throttle.Failed(client);
            return TypedResults.Unauthorized();
        }
        try
        {
            return await action(caller.Who!);
        }
        catch (System.Text.Json.JsonException)
        {
            return ProblemBody.Result(400, "the body must be JSON: {\"text\": \"…\"}");
        }
    }

    private static IResult Found(EscalationRecord? record, string id) =>
        record is null ? ProblemBody.Result(404, $"no escalation {id}") : TypedResults.Json(record, EscalationJson.Default.EscalationRecord);

    /// <summary>A null change means unknown (404); a transition the status refuses is a conflict (409).</summary>
    private static async Task<IResult> Changed(Func<Task<EscalationRecord?>> change, string id)
    {
        try
        {
            return Found(await change(), id);
        }
        catch (EscalationTransitionRefused refused)
        {
            return ProblemBody.Result(409, $"escalation {id} is {refused.Status}");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Erasure by {Who}: {Conversations} conversation, {Escalations} escalations, {Notifications} notifications, {Reviews} review entries and ratings deleted")]
        public static partial void Erased(ILogger logger, string who, int conversations, int escalations, int notifications, int reviews);
    }

}

public sealed record StaffReply(string? Text);

/// <summary>Topic and procedure ids in the words of the hospital, for one language.</summary>
public sealed record StaffLabels(IReadOnlyDictionary<string, string> Topics, IReadOnlyDictionary<string, string> Procedures)
{
    public static StaffLabels Of(Core.Content.ChatContent content, string language) => new(
        content.Topics.ToDictionary(t => t.Id, t => t.Labels.GetValueOrDefault(language) ?? t.Id),
        content.Procedures.ToDictionary(p => p.Id, p => p.Labels.GetValueOrDefault(language) ?? p.Id));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StaffReply))]
[JsonSerializable(typeof(SignIn))]
[JsonSerializable(typeof(IReadOnlyList<OutboxEntry>))]
[JsonSerializable(typeof(ErasureReport))]
[JsonSerializable(typeof(CareTeamChannelData))]
[JsonSerializable(typeof(StaffLabels))]
public sealed partial class StaffJson : JsonSerializerContext;
