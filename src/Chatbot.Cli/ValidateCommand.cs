using Chatbot.Core.Content;

namespace Chatbot.Cli;

/// <summary><c>chatbot validate</c>: what an editor runs before publishing a content change.</summary>
public static class ValidateCommand
{
    public static int Run(Options options)
    {
        var (content, errors) = ContentLoader.LoadWithErrors(options.DialogsFolder);
        foreach (var error in errors) Console.Error.WriteLine(error);
        if (errors.Count > 0 || content is null)
        {
            Console.Error.WriteLine($"{errors.Count} error(s): dialogs/ is not valid.");
            return 1;
        }
        Console.WriteLine($"dialogs/ is valid (version {content.Version}): {content.Documents.Count} documents, " +
            $"{content.Snippets.Count()} snippets, {content.Topics.Count} topics, {content.Procedures.Count} procedures, " +
            $"{content.Examples.Count} examples, {content.RedFlags.Count} red-flag rules.");
        return 0;
    }
}
