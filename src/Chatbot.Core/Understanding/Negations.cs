using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// "Pas de", "no", "nessun": the negation words of each language, and whether one stands just before a
/// phrase ("je ne prends aucun anticoagulant", "it's not getting worse", "ce n'est pas une vertébroplastie").
/// </summary>
public sealed class Negations(ChatContent content)
{
    /// <summary>How far before a phrase a negation still bears on it.</summary>
    private const int Reach = 3;

    private readonly Dictionary<string, HashSet<string>> words = content.Languages.ToDictionary(
        l => l.Key,
        l => l.Value.Negations.Select(Tokeniser.Compile).SelectMany(p => p.Words).ToHashSet(StringComparer.Ordinal));

    public HashSet<string> Of(string language) => words.GetValueOrDefault(language) ?? [];

    /// <summary>A negation of <paramref name="language"/> in the three words before <paramref name="index"/>.</summary>
    /// <param name="sameSentence">Only in the phrase's sentence: "non fa male per niente. vertebroplastica".</param>
    public bool Before(IReadOnlyList<Token> tokens, int index, string language, bool sameSentence = false)
    {
        var negated = Of(language);
        for (var i = Math.Max(0, index - Reach); i < index; i++)
        {
            var inReach = !sameSentence || tokens[i].Sentence == tokens[index].Sentence;
            if (inReach && negated.Contains(tokens[i].Text)) return true;
        }
        return false;
    }
}
