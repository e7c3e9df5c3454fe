using Chatbot.BotFramework.Auth;
using Chatbot.BotFramework.Connector;
using Chatbot.BotFramework.Schema;

namespace Chatbot.Functions.Messages;

/// <summary><c>POST /api/messages</c>: the Bot Framework messaging endpoint.</summary>
public static partial class MessagesEndpoint
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, InboundAuthenticator authenticator, BotTurns turns, ConnectorClient connector,
        Review.TeamsFeedback teams, ILogger<BotTurns> logger, CancellationToken cancellationToken)
    {
        var read = await ActivityBody.ReadAsync(request, requireJsonContentType: true, cancellationToken);
        if (read.Activity is not { } activity) return read.Refusal!;

        if (await authenticator.RefuseAsync(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, activity, cancellationToken) is { } reason)
        {
            Log.Refused(logger, reason);
            return TypedResults.Unauthorized();
        }
        if (authenticator.ServiceUrlRefusal(activity) is { } refused)
        {
            Log.ServiceUrlRefused(logger, refused);
            return ProblemBody.Result(StatusCodes.Status400BadRequest, refused);
        }
        if (activity.Type == ActivityTypes.Invoke)
        {
            // Teams' feedback is kept; an invoke gets its response in this HTTP answer, never a message.
            await turns.OnActivityAsync(activity, cancellationToken);
            return TypedResults.Json(new InvokeResponse(200), BotJson.Default.InvokeResponse);
        }
        if (activity.Type == ActivityTypes.Message && (activity.Conversation?.Id is null || activity.ServiceUrl is null && activity.DeliveryMode != DeliveryModes.ExpectReplies))
        {
            return ProblemBody.Result(StatusCodes.Status400BadRequest, "a message needs a conversation and a serviceUrl");
        }

        var replies = await turns.OnActivityAsync(activity, cancellationToken);
        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            return new ExpectedRepliesResult(new ExpectedReplies(replies));
        }
        try
        {
            foreach (var reply in replies)
            {
                var sent = await connector.SendAsync(reply, cancellationToken);
                await teams.DeliveredAsync(reply, sent, cancellationToken);
            }
        }
        catch (HttpRequestException e)
        {
            Log.ChannelUnreachable(logger, (int?)e.StatusCode ?? 0);
            return ProblemBody.Result(StatusCodes.Status502BadGateway, "the channel did not accept the reply");
        }
        return TypedResults.Ok();
    }


    /// <summary>The turn's activities in the HTTP response, written in one pass straight into Kestrel's pipe.</summary>
    private sealed class ExpectedRepliesResult(ExpectedReplies replies) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            BotJson.Write(context.Response.BodyWriter, replies, BotJson.Default.ExpectedReplies);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Request refused: {Reason}")]
        public static partial void Refused(ILogger logger, string reason);

        [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Request refused, nothing sent: {Reason}")]
        public static partial void ServiceUrlRefused(ILogger logger, string reason);

        [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "The channel refused or did not answer the reply (HTTP {Status}) after retries")]
        public static partial void ChannelUnreachable(ILogger logger, int status);
    }
}
