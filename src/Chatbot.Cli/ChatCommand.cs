using Chatbot.Core.Content;
using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;

namespace Chatbot.Cli;

/// <summary><c>chatbot chat</c>: talk to the bot in the terminal; the conversation state carries over.</summary>
public static class ChatCommand
{
    public static int Run(Options options, TextReader input, TextWriter output)
    {
        var assistant = new Assistant(ContentLoader.Load(options.DialogsFolder));
        output.WriteLine(assistant.Welcome(null));
        output.WriteLine("(empty line or Ctrl-D to quit)");
        var state = ConversationState.New;
        while (true)
        {
            output.Write("> ");
            if (input.ReadLine() is not { Length: > 0 } line) return 0;
            // Escalations get an id as in the host, so that what joins an open one shows here too.
            var turn = assistant.Reply(state, line, newEscalationId: EscalationRecord.NewId());
            state = turn.State;
            AskCommand.Write(turn.Result, options.Json, output);
        }
    }
}
