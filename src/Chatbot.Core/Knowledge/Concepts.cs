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
    private readonly Dictionary<string, (Dictionary<string, List<string>> Words, List<(string Prefix, string Concept)> Prefixes)>
        byLanguage = [];

    public Concepts(IReadOnlyDictionary<string, LanguageProfile> languages)
    {
        foreach (var (language, profile) in languages)
        {
            var (words, prefixes) = byLanguage[language] = ([], []);
            foreach (var (concept, list) in profile.Concepts)
            {
                foreach (var phrase in list.Select(Tokeniser.Compile).Where(p => p.Words.Length == 1))
                {
                    if (phrase.Prefix[0]) prefixes.Add((phrase.Words[0], concept));
                    else if (words.TryGetValue(phrase.Words[0], out var named)) named.Add(concept);
                    else words[phrase.Words[0]] = [concept];
                }
            }
        }
    }

    /// <summary>The concepts a folded word of this language names; usually none.</summary>
    public IEnumerable<string> Of(string word, string language)
    {
        if (!byLanguage.TryGetValue(language, out var concepts)) yield break;
        if (concepts.Words.TryGetValue(word, out var named)) foreach (var concept in named) yield return concept;
        foreach (var (prefix, concept) in concepts.Prefixes)
            if (word.StartsWith(prefix, StringComparison.Ordinal)) yield return concept;
    }
}
