using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Knowledge;

/// <summary>
/// What a word is about, whatever the language it is written in ("set", "durcir", "solidifica" → setting):
/// the <c>concepts</c> of <c>dialogs/language/*.yaml</c>. An English question then finds the Italian sentence
/// that answers it. Each language's words apply to its own texts only ("apr*" is Italian, "après" French).
/// </summary>
public sealed class Concepts
{
    private readonly Dictionary<string, List<(Phrase Word, string Concept)>> byLanguage = [];

    public Concepts(IReadOnlyDictionary<string, LanguageProfile> languages)
    {
        foreach (var (language, profile) in languages)
        {
            var words = byLanguage[language] = [];
            foreach (var (concept, list) in profile.Concepts)
                foreach (var word in list) words.Add((Tokeniser.Compile(word), concept));
        }
    }

    /// <summary>The concepts a folded word of this language names; usually none.</summary>
    public IEnumerable<string> Of(string word, string language)
    {
        if (!byLanguage.TryGetValue(language, out var words)) yield break;
        foreach (var (phrase, concept) in words)
        {
            var matches = phrase.Prefix[0] ? word.StartsWith(phrase.Words[0], StringComparison.Ordinal)
                : word == phrase.Words[0];
            if (matches) yield return concept;
        }
    }
}
