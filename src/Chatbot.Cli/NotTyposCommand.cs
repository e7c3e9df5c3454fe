using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Cli;

/// <summary>
/// <c>chatbot not-typos LANGUAGE WORDLIST...</c>: the everyday words of a word list that the typo
/// corrector would turn into a red-flag term, one per line with that correction (scripts/not-typos.sh writes them into
/// dialogs/language).
/// </summary>
public static class NotTyposCommand
{
    public static int Run(Options options, TextWriter output)
    {
        var language = options.Arguments.Count > 0 ? options.Arguments[0] : "";
        if (options.Arguments.Count < 2 || !ChatContent.SupportedLanguages.Contains(language))
        {
            Console.Error.WriteLine("usage: chatbot not-typos fr|it|en WORDLIST...");
            return 2;
        }
        var (content, errors) = ContentLoader.LoadWithErrors(options.DialogsFolder);
        foreach (var error in errors) Console.Error.WriteLine(error);
        if (content is null || errors.Count > 0) return 1;
        var words = options.Arguments.Skip(1).SelectMany(File.ReadLines);
        // The correction it would get, for review: "paralyzed → paralysed" is a spelling, not another word.
        foreach (var (word, corrected) in NotTypos.Find(content, language, words)) output.WriteLine($"{word}\t{corrected}");
        return 0;
    }
}
