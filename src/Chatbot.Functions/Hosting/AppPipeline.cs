using Chatbot.Functions.Dashboard;
using Chatbot.Functions.DirectLine;
using Chatbot.Functions.Messages;
using Chatbot.Functions.Review;
using Chatbot.Functions.Staff;

namespace Chatbot.Functions.Hosting;

/// <summary>
/// The middleware and the endpoints, in order, for both hosts: the plain server runs them on its
/// Kestrel; the worker runs them inside each HTTP function, since its own ASP.NET Core pipeline
/// takes no custom middleware. The limits, headers and problem answers are the same either way.
/// </summary>
public static class AppPipeline
{
    public static IApplicationBuilder UseChatbot(this IApplicationBuilder app)
    {
        app.UseRouting();
        // The client address first: the rate limits and the staff sign-in throttle key on it.
        app.UseClientAddress();
        app.UseProblemAnswers();
        app.UseRateLimiter();
        app.UseBodyLimit();
        app.UsePages();
        app.UseEndpoints(endpoints => endpoints
            .MapPages()
            .MapHealth()
            .MapMessages()
            .MapStaff()
            .MapReview()
            .MapActivity()
            .MapDirectLine());
        return app;
    }
}
