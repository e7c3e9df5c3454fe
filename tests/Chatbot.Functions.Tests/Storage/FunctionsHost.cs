using System.Text.Json;
using Chatbot.Functions.Escalations;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>What the Azure Functions host posts to a custom handler for a queue trigger.</summary>
public static class FunctionsHost
{
    /// <summary>The invocation body for the <c>notify</c> function (binding "message"), delivering one outbox entry.</summary>
    public static Dictionary<string, object> NotifyInvocation(string escalationId, string outboxId) => new()
    {
        ["Data"] = new Dictionary<string, string> { ["message"] = JsonSerializer.Serialize(new NotificationMessage(escalationId, outboxId), NotificationJson.Default.NotificationMessage) },
        ["Metadata"] = new Dictionary<string, object> { ["DequeueCount"] = 1 },
    };
}
