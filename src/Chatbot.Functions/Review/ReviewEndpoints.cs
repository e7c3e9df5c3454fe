using Chatbot.Core.Review;
using Chatbot.Functions.Messages;
using Chatbot.Functions.Staff;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Review;

/// <summary>
/// The staff console's "Questions à revoir": behind the staff sign-in, never cached (the questions are
/// patients' words, masked). <c>GET /api/staff/review</c> (<c>?handled=true</c> with those already handled,
/// <c>?limit=</c> 1–2000), <c>POST /api/staff/review/{id}/handled</c>.
/// </summary>
public static class ReviewEndpoints
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 2_000;

    public static IEndpointRouteBuilder MapReview(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/api/staff/review");
        review.MapGet("", async Task<IResult> (
            HttpRequest request, StaffAuthenticator auth, IReviewStore store, CancellationToken ct) =>
            await StaffEndpoints.AsStaff(request, auth, async _ =>
            {
                var limit = DefaultLimit;
                if (request.Query["limit"] is { Count: > 0 } asked
                    && (!int.TryParse(asked, out limit) || limit is < 1 or > MaxLimit))
                    return ProblemBody.Result(400, $"limit must be a number from 1 to {MaxLimit}");
                var withHandled = request.Query["handled"] == "true";
                var board = ReviewBoard.Of(await store.ListAsync(withHandled, limit, ct), await store.RatingsAsync(ct));
                return TypedResults.Json(board, ReviewJson.Default.ReviewBoard);
            }));
        review.MapPost("/{id}/handled", async Task<IResult> (
            HttpRequest request, string id, StaffAuthenticator auth, IReviewStore store, TimeProvider time,
            CancellationToken ct) =>
            await StaffEndpoints.AsStaff(request, auth, async who =>
                await store.MarkHandledAsync(id, who, time.GetUtcNow(), ct) is { } entry
                    ? TypedResults.Json(entry, ReviewJson.Default.ReviewEntry)
                    : ProblemBody.Result(404, $"no question to review {id}")));
        return app;
    }
}
