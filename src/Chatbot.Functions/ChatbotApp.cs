using Chatbot.Functions.Hosting;

namespace Chatbot.Functions;

/// <summary>The plain server (no Functions host), built the same way by Program and by the tests.</summary>
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
            WebRootPath = Pages.WebRoot,
        });
        // --urls / ASPNETCORE_URLS, else the Emulator's default.
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://localhost:3978");
        builder.AddChatbot();
        replace?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseChatbot();
        app.Services.WarmUp();
        return app;
    }
}
