using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Chatbot.Functions.Messages;

/// <summary>
/// A refused request's answer: RFC 9457 problem details with a plain reason in the hospital's words.
/// Never the patient's text, a .NET type or a parser position (they tell an attacker our insides).
/// <c>error</c> repeats <c>detail</c> for clients written before problem details.
/// </summary>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail, string Error)
{
    public const string ContentType = "application/problem+json";

    public const string TooLarge = "the body is too large";

    /// <summary><c>about:blank</c>: the status says what kind of problem it is, the detail why.</summary>
    public static JsonHttpResult<ProblemBody> Result(int status, string error) =>
        TypedResults.Json(
            new ProblemBody("about:blank", ReasonPhrases.GetReasonPhrase(status), status, error, error),
            ReplyJson.Default.ProblemBody, ContentType, status);

    /// <summary>A 429 saying when to come back, in whole seconds (at least one), in the header and in words.</summary>
    public static JsonHttpResult<ProblemBody> TooManyRequests(HttpResponse response, TimeSpan wait, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Result(StatusCodes.Status429TooManyRequests, $"{what}: try again in {seconds} s");
    }
}

public static class ProblemAnswers
{
    /// <summary>
    /// Answers without a body of their own (routing's 404 and 405, a bare 401) get problem details
    /// too, so every refusal says why, whoever refused.
    /// </summary>
    public static IApplicationBuilder UseProblemAnswers(this IApplicationBuilder app)
    {
        app.UseStatusCodePages(pages => ProblemBody
            .Result(pages.HttpContext.Response.StatusCode, Reason(pages.HttpContext))
            .ExecuteAsync(pages.HttpContext));
        return app;
    }

    /// <summary>
    /// A body over the limit by its declared length is refused before the endpoint (after the rate
    /// limits: a flood of them still counts). An endpoint that never reads its body (the token)
    /// would answer 200, then Kestrel, failing to drain the body, would drop the kept-alive
    /// connection under the client's next request.
    /// </summary>
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is not > Hosting.HostingSetup.MaxBodyBytes)
            {
                await next(context);
                return;
            }
            context.Response.Headers.Connection = "close";
            await ProblemBody.Result(StatusCodes.Status413PayloadTooLarge, ProblemBody.TooLarge).ExecuteAsync(context);
        });
        return app;
    }

    private static string Reason(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status401Unauthorized => "a valid token or key is required",
        StatusCodes.Status404NotFound => "nothing is served at this address",
        StatusCodes.Status405MethodNotAllowed => $"this address does not take {context.Request.Method} requests",
        var status => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "refused",
    };
}
