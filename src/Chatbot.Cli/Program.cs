using Chatbot.Cli;

// `chatbot` for content editors and developers. Each verb is one file.
return args.FirstOrDefault() switch
{
    "validate" => ValidateCommand.Run(Options.Parse(args[1..])),
    "ask" => AskCommand.Run(Options.Parse(args[1..]), Console.In, Console.Out),
    "chat" => ChatCommand.Run(Options.Parse(args[1..]), Console.In, Console.Out),
    "eval" => EvalCommand.Run(Options.Parse(args[1..]), Console.Out),
    "bench" => BenchCommand.Run(Options.Parse(args[1..]), Console.Out),
    "not-typos" => NotTyposCommand.Run(Options.Parse(args[1..]), Console.Out),
    _ => Options.Usage(Console.Error),
};
