using Chatbot.Functions.DirectLine;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.Hosting;
using Chatbot.Functions.Messages;
using Chatbot.Functions.Staff;
using Chatbot.Functions.State;

namespace Chatbot.Functions;

/// <summary>The application, built the same way by Program and by the tests.</summary>
public static class ChatbotApp
{
    /// <param name="replace">Tests replace third-party edges here (e.g. Entra tokens, unreachable from a test).</param>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? replace = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // No reload of appsettings on change: on Linux it watches every folder under the
            // content root, which cost a cold start 200 ms and more (a deployment is immutable).
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.AddHosting()
            .AddClientAddress()
            .AddConversationEngine()
            .AddBotFramework()
            .AddConversationState()
            .AddEscalations()
            .AddWebChat();
        replace?.Invoke(builder.Services);
        var app = builder.Build();
        // The client address first: the rate limits and the staff sign-in throttle key on it.
        app.UseClientAddress();
        app.UseProblemAnswers();
        app.UseRateLimiter();
        app.UseBodyLimit();
        app.UsePages();
        app.MapHealth();
        app.MapMessages();
        app.MapStaff();
        app.MapDispatch();
        app.MapNotify();
        app.MapRetention();
        app.MapDirectLine();
        return app.WarmUp();
    }
}
