using Chatbot.Core.Content;
using Chatbot.Core.Conversation;

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
            var turn = assistant.Reply(state, line);
            state = turn.State;
            AskCommand.Write(turn.Result, options.Json, output);
        }
    }
}
