using Chatbot.Functions.Escalations;
using Chatbot.Functions.Messages;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Staff;

/// <summary>
/// <c>GET /api/escalations?status=&amp;continuation=&amp;limit=</c>: one page in staff order, the same JSON
/// array as before; a <c>Continuation-Token</c> header, when there is more, says where the next page starts.
/// </summary>
public static class StaffLists
{
    public const string ContinuationHeader = "Continuation-Token";

    public static async Task<IResult> PageAsync(HttpRequest request, IEscalationStore store, CancellationToken ct)
    {
        var query = request.Query;
        string? after = null;
        if (query["continuation"].ToString() is { Length: > 0 } token && (after = EscalationPage.KeyOf(token)) is null)
            return ProblemBody.Result(400, "the continuation token is not one this list gave");
        var size = EscalationPage.DefaultSize;
        if (query["limit"].ToString() is { Length: > 0 } limit
            && (!int.TryParse(limit, out size) || size is < 1 or > EscalationPage.MaxSize))
            return ProblemBody.Result(400, $"limit is a number of escalations from 1 to {EscalationPage.MaxSize}");
        var status = query["status"].ToString() is { Length: > 0 } s ? s : null;
        var page = await store.ListAsync(status, after, size, ct);
        if (page.Next is { } next)
            request.HttpContext.Response.Headers[ContinuationHeader] = EscalationPage.Token(next);
        return TypedResults.Json(page.Escalations, EscalationJson.Default.IReadOnlyListEscalationRecord);
    }
}
