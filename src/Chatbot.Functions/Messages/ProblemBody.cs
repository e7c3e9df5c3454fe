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
