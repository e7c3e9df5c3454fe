using System.Text.Json;
using Chatbot.Core.Content;
using Chatbot.Core.Conversation;

namespace Chatbot.Cli;

/// <summary><c>chatbot ask</c>: one question, or one per stdin line, each from a fresh conversation.</summary>
public static class AskCommand
{
    public static int Run(Options options, TextReader input, TextWriter output)
    {
        var assistant = new Assistant(ContentLoader.Load(options.DialogsFolder));
        if (options.Arguments.Count > 0)
        {
            Write(assistant.Reply(ConversationState.New, string.Join(' ', options.Arguments)).Result, options.Json, output);
            return 0;
        }
        while (input.ReadLine() is { } line)
        {
            Write(assistant.Reply(ConversationState.New, line).Result, json: true, output);
        }
        return 0;
    }

    public static void Write(TurnResult result, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(result, ChatbotJson.Default.TurnResult));
            return;
        }
        output.WriteLine($"[{result.Action} · {result.Topic} {result.Confidence:0.00} · {result.Language} · {result.Procedure ?? "procedure unknown"}]");
        output.WriteLine(result.Text);
        for (var i = 0; i < result.Citations.Count; i++)
        {
            var c = result.Citations[i];
            output.WriteLine($"  [{i + 1}] {c.Title}{(c.Publisher is null ? "" : ", " + c.Publisher)} ({c.DocumentId})");
        }
        if (result.Escalation is { } e) output.WriteLine($"  → escalation {e.Status}: {e.Reason}");
        if (result.SuggestedActions.Count > 0) output.WriteLine("  buttons: " + string.Join(" | ", result.SuggestedActions));
    }
}
