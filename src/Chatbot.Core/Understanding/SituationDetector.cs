using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// What the documents' general sentences cannot settle: the patient's own situation (a medicine, an
/// allergy, an illness... from <c>personal_factors</c>), or a precise point the quoted sentences do not
/// give (a number when <c>precision_numbers</c> asks for one, a thing <c>precision_details</c> names).
/// Words are those of <c>dialogs/language</c>, per language; a negation just before ("je ne prends
/// aucun anticoagulant") cancels a factor.
/// </summary>
public sealed class SituationDetector
{
    private readonly Dictionary<string, HashSet<string>> negations;
    private readonly PhraseSet<string> factors;
    private readonly PhraseSet<string> numbers;
    private readonly PhraseSet<string> details;
    private readonly List<Phrase> quantities;

    public SituationDetector(ChatContent content)
    {
        negations = content.Languages.ToDictionary(
            l => l.Key, l => l.Value.Negations.Select(Tokeniser.Compile).SelectMany(p => p.Words).ToHashSet(StringComparer.Ordinal));
        factors = Compile(content, l => l.PersonalFactors);
        numbers = Compile(content, l => l.PrecisionNumbers);
        details = Compile(content, l => l.PrecisionDetails);
        // Quotes are French or Italian whatever the patient's language: every language's words count.
        quantities = [.. content.Languages.Values.SelectMany(l => l.Quantities).Select(Tokeniser.Compile)];
    }

    private static PhraseSet<string> Compile(ChatContent content, Func<LanguageProfile, IReadOnlyList<string>> list) =>
        new(content.Languages.SelectMany(l => list(l.Value).Select(p => (Tokeniser.Compile(p), l.Key))));

    /// <summary>A personal factor of the message's language, not negated in the three words before it.</summary>
    public bool HasPersonalFactor(IReadOnlyList<Token> tokens, string language) =>
        factors.FindAll(tokens).Any(m =>
        {
            if (m.Value != language) return false;
            var negated = negations.GetValueOrDefault(language) ?? [];
            for (var i = Math.Max(0, m.Index - 3); i < m.Index; i++) if (negated.Contains(tokens[i].Text)) return false;
            return true;
        });

    /// <summary>The question asks for a number none of the quotes gives, or names a thing none of them names.</summary>
    public bool LeavesAPrecisionOpen(IReadOnlyList<Token> question, string language, IReadOnlyList<string> quotes)
    {
        var folded = quotes.Select(q => Folding.Words(Folding.Fold(q)).Select(w => w.Word).ToList()).ToList();
        var givesANumber = quotes.Any(q => q.Any(char.IsDigit)) || folded.Any(words => quantities.Any(p => Names(words, p)));
        if (numbers.FindAll(question).Any(m => m.Value == language) && !givesANumber) return true;
        return details.FindAll(question).Any(m => m.Value == language && !folded.Any(words => Names(words, m.Phrase)));
    }

    private static bool Names(List<string> words, Phrase phrase)
    {
        for (var i = 0; i + phrase.Words.Length <= words.Count; i++)
        {
            var all = true;
            for (var j = 0; j < phrase.Words.Length && all; j++)
            {
                all = phrase.Prefix[j] ? words[i + j].StartsWith(phrase.Words[j], StringComparison.Ordinal) : words[i + j] == phrase.Words[j];
            }
            if (all) return true;
        }
        return false;
    }
}
