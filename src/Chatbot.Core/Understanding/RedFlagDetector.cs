using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>What the red-flag rules make of a message.</summary>
/// <param name="Rule">The first rule that fires, or null.</param>
/// <param name="NamesSymptom">Some rule's symptom is named, not negated, not hypothetical, not past.</param>
public readonly record struct RedFlagCheck(RedFlagRule? Rule, bool NamesSymptom);

/// <summary>
/// Emergency rules, checked before anything else and in every language (a French patient may type
/// "help"; missing a red flag costs more than a false alarm). A term does not count when negated
/// ("pas de fièvre"), asked as a hypothesis ("et si j'ai de la fièvre ?") or said of the past.
/// All terms of all rules sit in one phrase index: a message is read once.
/// </summary>
public sealed class RedFlagDetector
{
    /// <summary>Words that may stand between a negation and the term it negates ("pas DE fièvre").</summary>
    private static readonly HashSet<string> Fillers =
        ["de", "d", "du", "des", "la", "le", "les", "l", "un", "une", "eu", "ai", "a", "of", "any", "an", "had", "have", "has", "di", "del", "della", "dei", "una", "uno", "avuto", "ho", "ha", "hai", "avere", "avoir", "signe", "signes", "sign", "signs", "segni"];

    private readonly List<RedFlagRule> rules;
    private readonly PhraseSet<(int Rule, int Group)> terms;
    private readonly Dictionary<string, (HashSet<string> Negations, PhraseSet<bool> Hypotheticals, PhraseSet<bool> Past)> languages;

    /// <summary>"It's getting worse", "ça s'aggrave", "peggiora" of every language, with the language of each.</summary>
    private readonly PhraseSet<string> worsening;

    /// <summary>Waiting or coming later, in every language: counted negated or not.</summary>
    private readonly PhraseSet<bool> waiting;

    private readonly Negations negation;

    public RedFlagDetector(ChatContent content)
    {
        negation = new Negations(content);
        // A crisis outranks a symptom ("j'ai trop mal, je veux mourir"): its rules are tried first.
        rules = [.. content.RedFlags.OrderBy(r => r.IsCrisis ? 0 : 1)];
        terms = new PhraseSet<(int, int)>(rules.SelectMany((rule, r) =>
            rule.AllOf.SelectMany((group, g) => group.Select(term => (Tokeniser.Compile(term), (r, g))))));
        languages = content.Languages.ToDictionary(l => l.Key, l => (
            negation.Of(l.Key),
            new PhraseSet<bool>(l.Value.Hypotheticals.Select(h => (Tokeniser.Compile(h), true))),
            new PhraseSet<bool>(l.Value.Past.Select(h => (Tokeniser.Compile(h), true)))));
        worsening = new PhraseSet<string>(content.Languages.SelectMany(l => l.Value.Worsening.Select(w => (Tokeniser.Compile(w), l.Key))));
        waiting = new PhraseSet<bool>(content.Languages.SelectMany(l => l.Value.Waiting.Select(w => (Tokeniser.Compile(w), true))));
    }

    /// <summary>
    /// "It's getting worse now", not "it's not getting worse": no negation of its language in the three
    /// words before (wider than a symptom's, since "worse" alone is also listed). After an emergency,
    /// the emergency guidance again. Waiting counts however it is put: "je peux pas attendre demain ?" asks to.
    /// </summary>
    public bool SaysWorse(IReadOnlyList<Token> tokens) =>
        waiting.FindAll(tokens).Count > 0 || worsening.FindAll(tokens).Any(m => !negation.Before(tokens, m.Index, m.Value));

    public RedFlagCheck Check(IReadOnlyList<Token> tokens)
    {
        var matches = terms.FindAll(tokens);
        if (matches.Count == 0) return default;
        var context = new Dictionary<string, (List<(int, Phrase, bool)> Hypotheticals, List<(int, Phrase, bool)> Past)>();
        var satisfied = new HashSet<(int Rule, int Group)>();
        var symptom = false;
        foreach (var (index, _, (r, g)) in matches)
        {
            if (satisfied.Contains((r, g)) || !Counts(rules[r], tokens, index, context)) continue;
            satisfied.Add((r, g));
            symptom |= g == 0;
        }
        for (var r = 0; r < rules.Count; r++)
        {
            var all = true;
            for (var g = 0; g < rules[r].AllOf.Count && all; g++) all = satisfied.Contains((r, g));
            if (all) return new RedFlagCheck(rules[r], true);
        }
        return new RedFlagCheck(null, symptom);
    }

    private bool Counts(
        RedFlagRule rule, IReadOnlyList<Token> tokens, int index,
        Dictionary<string, (List<(int, Phrase, bool)>, List<(int, Phrase, bool)>)> context)
    {
        var language = rule.Language;
        var (negations, hypotheticals, past) = languages[language];
        var sentence = tokens[index].Sentence;
        for (var i = index - 1; i >= 0 && i >= index - 4 && tokens[i].Sentence == sentence; i--)
        {
            if (negations.Contains(tokens[i].Text)) return false;
            if (!Fillers.Contains(tokens[i].Text)) break;
        }
        // "if I don't get better I'll kill myself", "I tried to end it last year": a crisis all the same.
        if (rule.IsCrisis) return true;
        if (!context.TryGetValue(language, out var found)) context[language] = found = (hypotheticals.FindAll(tokens), past.FindAll(tokens));
        foreach (var (i, _, _) in found.Item1)
        {
            if (i < index && tokens[i].Sentence == sentence) return false;
        }
        // "fièvre l'an dernier" is past; "opéré le mois dernier et j'ai de la fièvre" is not: only a marker next to the symptom counts.
        foreach (var (i, _, _) in found.Item2)
        {
            if (tokens[i].Sentence == sentence && (i > index ? i - index <= 4 : index - i <= 3)) return false;
        }
        return true;
    }
}
