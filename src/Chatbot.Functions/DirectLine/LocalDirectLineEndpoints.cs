using Chatbot.BotFramework.Schema;
using Chatbot.Functions.Messages;

namespace Chatbot.Functions.DirectLine;

/// <summary>
/// The Direct Line 3.0 endpoints Web Chat uses (start, post, poll with watermark, refresh), served
/// by the app itself for local use and routed to the same bot turn as /api/messages. A token opens
/// only its own conversation: anything else is 403.
/// </summary>
public static class LocalDirectLineEndpoints
{
    public const string HttpClientName = "directline";
    public const string ChannelId = "webchat";

    public static void MapLocalDirectLine(this IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup("/v3/directline");
        directLine.MapPost("/conversations", StartAsync);
        directLine.MapPost("/tokens/refresh", IResult (HttpRequest request, LocalDirectLine local) =>
            local.Verify(request.Headers.Authorization) is { } claims && local.Find(claims.ConversationId) is not null
                ? TypedResults.Json(new DirectLineConversation(claims.ConversationId, local.Issue(claims.ConversationId, claims.UserId), (int)local.Lifetime.TotalSeconds), DirectLineJson.Default.DirectLineConversation)
                : Forbidden());
        // Reconnect (Direct Line 3.0 "GET conversation"): a reloaded page resumes its conversation.
        directLine.MapGet("/conversations/{id}", IResult (HttpRequest request, string id, LocalDirectLine local) =>
            Authorized(request, id, local) is { } claims && local.Find(id) is not null
                ? TypedResults.Json(new DirectLineConversation(id, local.Issue(id, claims.UserId), (int)local.Lifetime.TotalSeconds), DirectLineJson.Default.DirectLineConversation)
                : Forbidden());
        directLine.MapGet("/conversations/{id}/activities", IResult (HttpRequest request, string id, string? watermark, LocalDirectLine local) =>
        {
            if (Authorized(request, id, local) is null || local.Find(id) is not { } conversation) return Forbidden();
            var (activities, next) = conversation.Since(int.TryParse(watermark, out var w) ? w : 0);
            return TypedResults.Json(new ActivitySet(activities, next.ToString(System.Globalization.CultureInfo.InvariantCulture)), DirectLineJson.Default.ActivitySet);
        });
        directLine.MapPost("/conversations/{id}/activities", PostAsync).RequireRateLimiting(DirectLineLimits.ActivityPolicy);
    }

    private static async Task<IResult> StartAsync(HttpRequest request, LocalDirectLine local, BotTurns turns, CancellationToken ct)
    {
        if (local.Verify(request.Headers.Authorization) is not { } claims) return Forbidden();
        var fresh = local.Find(claims.ConversationId) is null;
        var conversation = local.Open(claims.ConversationId);
        if (fresh)
        {
            // As Azure's Direct Line does: tell the bot the user joined, so it says welcome.
            var joined = Incoming(claims, new Activity { Type = ActivityTypes.ConversationUpdate, Locale = Locale(request), MembersAdded = [new ChannelAccount(claims.UserId)] });
            foreach (var reply in await turns.OnActivityAsync(joined, ct)) conversation.Append(reply);
        }
        return TypedResults.Json(new DirectLineConversation(claims.ConversationId, request.Headers.Authorization.ToString()["Bearer ".Length..].Trim(), (int)local.Lifetime.TotalSeconds), DirectLineJson.Default.DirectLineConversation, statusCode: fresh ? 201 : 200);
    }

    private static async Task<IResult> PostAsync(HttpRequest request, string id, LocalDirectLine local, BotTurns turns, CancellationToken ct)
    {
        if (Authorized(request, id, local) is not { } claims || local.Find(id) is not { } conversation) return Forbidden();
        var read = await ActivityBody.ReadAsync(request, requireJsonContentType: false, ct);
        if (read.Activity is not { } posted) return read.Refusal!;
        // The token says who the user is: a client cannot speak for someone else.
        var activity = Incoming(claims, posted with { From = posted.From is { } sender ? sender with { Id = claims.UserId, Role = "user" } : new ChannelAccount(claims.UserId) { Role = "user" } });
        var activityId = conversation.Append(activity);
        foreach (var reply in await turns.OnActivityAsync(activity with { Id = activityId }, ct)) conversation.Append(reply);
        return TypedResults.Json(new ResourceResponse(activityId), DirectLineJson.Default.ResourceResponse);
    }

    private static Activity Incoming(LocalToken claims, Activity activity) => activity with
    {
        ChannelId = ChannelId,
        ServiceUrl = LocalDirectLine.ServiceUrl,
        Conversation = new ConversationAccount(claims.ConversationId),
        From = activity.From ?? new ChannelAccount(claims.UserId) { Role = "user" },
        Recipient = new ChannelAccount("bot", "Assistant") { Role = "bot" },
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    private static LocalToken? Authorized(HttpRequest request, string conversationId, LocalDirectLine local) =>
        local.Verify(request.Headers.Authorization) is { } claims && claims.ConversationId == conversationId ? claims : null;

    private static string? Locale(HttpRequest request) =>
        request.Headers.AcceptLanguage.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split(';')[0].Trim();

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ProblemBody> Forbidden() => ProblemBody.Result(403, "this token does not open this conversation");
}
