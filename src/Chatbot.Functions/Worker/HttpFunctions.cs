using Microsoft.Azure.Functions.Worker;

namespace Chatbot.Functions.Worker;

/// <summary>
/// The HTTP functions: each declares what the host routes to it and runs the request through the
/// same pipeline as the plain server (routing, limits, headers, problem answers, endpoints).
/// </summary>
public sealed class HttpFunctions(HttpPipeline pipeline)
{
    [Function("messages")]
    public Task Messages([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/messages")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);

    [Function("health")]
    public Task Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);

    /// <summary>The staff console's API: lists, one escalation, the outbox, acknowledge, resolve, reply.</summary>
    [Function("escalations")]
    public Task Escalations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "api/escalations/{*rest}")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);

    /// <summary>The editors' review loop: the questions to review, marking one handled.</summary>
    [Function("staff-review")]
    public Task StaffReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "api/staff/review/{*rest}")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);

    /// <summary>The activity dashboard: its figures as JSON, and as CSV.</summary>
    [Function("staff-activity")]
    public Task StaffActivity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/activity/{*rest}")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);

    [Function("staff-sign-in")]
    public Task StaffSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/sign-in")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);

    /// <summary>Erasure of a conversation on request (staff only).</summary>
    [Function("conversations")]
    public Task Conversations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/conversations/{key}")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);

    [Function("directline-token")]
    public Task DirectLineToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/directline/token")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);

    /// <summary>
    /// The local Direct Line, for a deployment without Azure Bot Service (a demo): mapped only when
    /// neither a Direct Line secret nor bot authentication is set, else the pipeline answers 404.
    /// </summary>
    [Function("directline-local")]
    public Task LocalDirectLine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "v3/directline/{*rest}")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);

    /// <summary>Every other GET: the pages, their files, the staff labels (the host prefers the routes above).</summary>
    [Function("site")]
    public Task Site([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*path}")] HttpRequest request) =>
        pipeline.RunAsync(request.HttpContext);
}
