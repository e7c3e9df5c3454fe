using Chatbot.Functions.Hosting;
using Chatbot.Functions.Messages;

namespace Chatbot.Functions;

/// <summary>The application, built the same way by Program and by the tests.</summary>
public static class ChatbotApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddHosting()
            .AddConversationEngine()
            .AddBotFramework()
            .AddConversationState();
        var app = builder.Build();
        app.MapHealth();
        app.MapMessages();
        return app.WarmUp();
    }
}
