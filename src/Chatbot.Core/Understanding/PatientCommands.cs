using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// The patient's own commands, in the words of <c>dialogs/language</c> (<c>commands</c>): "aide", "que
/// savez-vous de moi ?", "oubliez-moi", "ricominciamo". A command is the whole message, or nearly: a hello,
/// a please or one more word around it, so that "aide à domicile après l'opération ?" stays a question.
/// </summary>
public sealed class PatientCommands
{
    public const string Help = "help";
    public const string WhatWeKnow = "what_we_know";
    public const string ForgetMe = "forget_me";
    public const string StartOver = "start_over";

    public static readonly IReadOnlyList<string> All = [Help, WhatWeKnow, ForgetMe, StartOver];

    /// <summary>Words of the message no command phrase or courtesy covers: more, and it asks something else.</summary>
    private const int OtherWords = 1;

    private readonly PhraseSet<(string Language, string Command)> commands;
    private readonly PhraseSet<string> courtesies;

    public PatientCommands(ChatContent content)
    {
        commands = new(content.Languages.SelectMany(l => l.Value.Commands.SelectMany(c =>
            c.Value.Select(phrase => (Tokeniser.Compile(phrase), (l.Key, c.Key))))));
        courtesies = new(content.Languages.SelectMany(l =>
            l.Value.Greetings.Concat(l.Value.Thanks).Concat(l.Value.Politeness)
                .Select(phrase => (Tokeniser.Compile(phrase), l.Key))));
    }

    /// <summary>The command the message is, in its language; null when it is anything else.</summary>
    public string? In(IReadOnlyList<Token> tokens, string language)
    {
        var found = commands.FindAll(tokens).Where(m => m.Value.Language == language).ToList();
        if (found.Count == 0) return null;
        var covered = new bool[tokens.Count];
        foreach (var (index, phrase, _) in found) Array.Fill(covered, true, index, phrase.Words.Length);
        foreach (var (index, phrase, _) in courtesies.FindAll(tokens).Where(m => m.Value == language))
        {
            Array.Fill(covered, true, index, phrase.Words.Length);
        }
        if (covered.Count(c => !c) > OtherWords) return null;
        // Two commands in one message ("recommencer… non, oubliez-moi"): the longest phrase says it.
        return found.MaxBy(m => m.Phrase.Words.Length).Value.Command;
    }
}
