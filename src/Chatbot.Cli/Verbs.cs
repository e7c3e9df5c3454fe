using Chatbot.Core.Content;

namespace Chatbot.Cli;

/// <summary>The verbs of <c>chatbot</c>; each is one file.</summary>
public static class Verbs
{
    /// <returns>The exit code: 0 done, 1 invalid content or missed targets, 2 bad arguments or input file.</returns>
    public static int Run(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "validate" => ValidateCommand.Run(Options.Parse(args[1..])),
                "ask" => AskCommand.Run(Options.Parse(args[1..]), Console.In, Console.Out),
                "chat" => ChatCommand.Run(Options.Parse(args[1..]), Console.In, Console.Out),
                "eval" => EvalCommand.Run(Options.Parse(args[1..]), Console.Out),
                "bench" => BenchCommand.Run(Options.Parse(args[1..]), Console.Out),
                "review" => ReviewCommand.Run(Options.Parse(args[1..]), Console.Out, Console.Error),
                "not-typos" => NotTyposCommand.Run(Options.Parse(args[1..]), Console.Out),
                _ => Options.Usage(Console.Error),
            };
        }
        catch (ContentException invalid)
        {
            // An editor's mistake in dialogs/: the errors with file and line, not a stack trace.
            foreach (var error in invalid.Errors) Console.Error.WriteLine(error);
            Console.Error.WriteLine($"{invalid.Errors.Count} error(s): dialogs/ is not valid (chatbot validate lists them too).");
            return 1;
        }
    }
}
