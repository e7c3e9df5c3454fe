using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Emergency rules, checked before anything else and in every language (a French patient may type
/// "help"; missing a red flag costs more than a false alarm). A term does not count when negated
/// ("pas de fièvre"), asked as a hypothesis ("et si j'ai de la fièvre ?") or said of the past.
/// </summary>
public sealed class RedFlagDetector
{
    /// <summary>Words that may stand between a negation and the term it negates ("pas DE fièvre").</summary>
    private static readonly HashSet<string> Fillers =
        ["de", "d", "du", "des", "la", "le", "les", "l", "un", "une", "eu", "ai", "a", "of", "any", "an", "had", "have", "has", "di", "del", "della", "dei", "una", "uno", "avuto", "ho", "ha", "hai", "avere", "avoir", "signe", "signes", "sign", "signs", "segni"];

    private readonly List<CompiledRule> rules;

    public RedFlagDetector(ChatContent content)
    {
        rules = content.RedFlags.Select(rule =>
        {
            var profile = content.Languages[rule.Language];
            return new CompiledRule(
                rule,
                rule.AllOf.Select(g => g.Select(Tokeniser.Compile).ToList()).ToList(),
                profile.Negations.Select(Tokeniser.Compile).SelectMany(p => p.Words).ToHashSet(),
                profile.Hypotheticals.Select(Tokeniser.Compile).ToList(),
                profile.Past.Select(Tokeniser.Compile).ToList());
        }).ToList();
    }

    /// <summary>The first rule that fires, or null.</summary>
    public RedFlagRule? Find(IReadOnlyList<Token> tokens) =>
        rules.FirstOrDefault(r => r.Groups.All(g => g.Any(p => p.FindIn(tokens).Any(i => Counts(r, tokens, i)))))?.Rule;

    private static bool Counts(CompiledRule rule, IReadOnlyList<Token> tokens, int index)
    {
        var sentence = tokens[index].Sentence;
        for (var i = index - 1; i >= 0 && i >= index - 4 && tokens[i].Sentence == sentence; i--)
        {
            if (rule.Negations.Contains(tokens[i].Text)) return false;
            if (!Fillers.Contains(tokens[i].Text)) break;
        }
        if (rule.Hypotheticals.Any(h => h.FindIn(tokens).Any(i => i < index && tokens[i].Sentence == sentence))) return false;
        // "fièvre l'an dernier" is past; "opéré le mois dernier et j'ai de la fièvre" is not: only a marker next to the symptom counts.
        return !rule.Past.Any(p => p.FindIn(tokens).Any(i => tokens[i].Sentence == sentence && (i > index ? i - index <= 4 : index - i <= 3)));
    }

    /// <summary>
    /// Whether the message names any symptom of any rule, not negated: the topic classifier may only
    /// call a message an emergency when it does ("opérée hier, je peux me lever ?" names none).
    /// </summary>
    public bool MentionsSymptom(IReadOnlyList<Token> tokens) =>
        rules.Any(r => r.Groups[0].Any(p => p.FindIn(tokens).Any(i => Counts(r, tokens, i))));

    private sealed record CompiledRule(
        RedFlagRule Rule,
        List<List<Phrase>> Groups,
        HashSet<string> Negations,
        List<Phrase> Hypotheticals,
        List<Phrase> Past);
}
