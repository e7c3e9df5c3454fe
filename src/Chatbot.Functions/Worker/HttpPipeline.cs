using Chatbot.Functions.Hosting;

namespace Chatbot.Functions.Worker;

/// <summary>
/// The plain server's middleware and endpoints (<see cref="AppPipeline"/>), built once over the
/// worker's services, for the HTTP functions to run their request through.
/// </summary>
public sealed class HttpPipeline(IServiceProvider services)
{
    private readonly Lazy<RequestDelegate> pipeline = new(() => new ApplicationBuilder(services).UseChatbot().Build());

    public Task RunAsync(HttpContext context)
    {
        // The worker's own routing may have chosen an endpoint (its function proxy): ours choose again.
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        return pipeline.Value(context);
    }
}
