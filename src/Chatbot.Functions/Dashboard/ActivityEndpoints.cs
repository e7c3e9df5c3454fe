using Chatbot.Core.Dashboard;
using Chatbot.Functions.Messages;
using Chatbot.Functions.Staff;

namespace Chatbot.Functions.Dashboard;

/// <summary>
/// The staff's activity dashboard, behind the staff sign-in and never cached: <c>GET /api/staff/activity</c>
/// (JSON for the page) and <c>GET /api/staff/activity/csv</c> (a download), each with <c>?period=day|week</c>,
/// <c>&amp;from=</c> and <c>&amp;to=</c> (yyyy-MM-dd, the hospital's days; by default the last fortnight, or
/// the last eight weeks). A range staff cannot mean is a 400 with the reason.
/// </summary>
public static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivity(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/api/staff/activity");
        activity.MapGet("", async Task<IResult> (
            HttpRequest request, StaffAuthenticator auth, ActivityLog log, CancellationToken ct) =>
            await ForRange(request, auth, log, async range =>
                TypedResults.Json(await log.ReportAsync(range, ct), ActivityJson.Default.ActivityReport)));
        activity.MapGet("/csv", async Task<IResult> (
            HttpRequest request, StaffAuthenticator auth, ActivityLog log, CancellationToken ct) =>
            await ForRange(request, auth, log, async range =>
            {
                var name = $"activite-{range.Period}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv";
                request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
                return TypedResults.Text(ActivityCsv.Of(await log.ReportAsync(range, ct)), "text/csv; charset=utf-8");
            }));
        return app;
    }

    /// <summary>As staff, for the range the query asks; a 400 with the reason when it cannot be meant.</summary>
    private static Task<IResult> ForRange(
        HttpRequest request, StaffAuthenticator auth, ActivityLog log, Func<ActivityRange, Task<IResult>> answer) =>
        StaffEndpoints.AsStaff(request, auth, _ =>
        {
            var query = request.Query;
            return ActivityRange.Parse(query["period"], query["from"], query["to"], log.Today, out var refused) is { } range
                ? answer(range)
                : Task.FromResult<IResult>(ProblemBody.Result(400, refused!));
        });
}
