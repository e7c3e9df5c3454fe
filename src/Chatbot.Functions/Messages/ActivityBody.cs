using System.Text.Json;
using Chatbot.BotFramework.Schema;

namespace Chatbot.Functions.Messages;

/// <summary>An activity read from a request body, or the 4xx answer saying plainly why not.</summary>
public readonly record struct ActivityBody(Activity? Activity, IResult? Refusal)
{
    /// <summary>
    /// Reads one activity. The parser's own message is never passed on: it names our types and
    /// where it stopped, which helps an attacker more than a patient's channel.
    /// </summary>
    public static async Task<ActivityBody> ReadAsync(
        HttpRequest request, bool requireJsonContentType, CancellationToken ct)
    {
        if (requireJsonContentType && !request.HasJsonContentType())
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "the body must be application/json");
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(request.Body, BotJson.Default.Activity, ct);
        }
        catch (JsonException)
        {
            return Refuse(StatusCodes.Status400BadRequest,
                "the body is not a readable activity: complete JSON, an object, each field of its kind");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, ProblemBody.TooLarge);
        }
        catch (BadHttpRequestException e)
        {
            return Refuse(e.StatusCode, "the body could not be read");
        }
        if (activity is null) return Refuse(StatusCodes.Status400BadRequest, "the body must be an activity object");
        if (string.IsNullOrWhiteSpace(activity.Type))
            return Refuse(StatusCodes.Status400BadRequest, "the activity has no type");
        return new ActivityBody(activity, null);
    }

    private static ActivityBody Refuse(int status, string reason) => new(null, ProblemBody.Result(status, reason));
}
