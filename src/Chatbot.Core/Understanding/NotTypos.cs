using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Finds the everyday words that the typo corrector would turn into a red-flag term: "fewer" became
/// "fever", so "fewer painkillers afterwards?" raised the fever alarm. Listed as <c>not_typos</c> in
/// <c>dialogs/language</c>, they are left as typed. Inflections of a term stay correctable ("frisson"
/// → "frissons", "agrandie" → "agrandit"): a patient who types them means the term. Not so for a
/// crisis term: another form of its verb is an idiom ("mi ammazza questa attesa" is not "mi ammazzo").
/// </summary>
public static class NotTypos
{
    /// <param name="dictionary">A word list of <paramref name="language"/> (one word per entry; capitalised names are skipped).</param>
    public static IReadOnlyList<(string Word, string Corrected)> Find(ChatContent content, string language, IEnumerable<string> dictionary)
    {
        // Found against the corrector as it would be without any list, so rerunning keeps every word.
        var plain = content with { Languages = content.Languages.ToDictionary(l => l.Key, l => l.Value with { NotTypos = [] }) };
        var vocabulary = Understander.BuildVocabulary(plain);
        var terms = content.RedFlags.Where(r => r.Language == language)
            .SelectMany(r => r.AllOf.SelectMany(group => group))
            .Select(Tokeniser.Compile)
            .SelectMany(phrase => phrase.Words.Select((word, i) => (Word: word, Prefix: phrase.Prefix[i])))
            .Distinct()
            .ToList();
        bool Hits(string word) => terms.Any(t => t.Prefix ? word.StartsWith(t.Word, StringComparison.Ordinal) : word == t.Word);
        var crisis = content.RedFlags.Where(r => r.Language == language && r.IsCrisis)
            .SelectMany(r => r.AllOf.SelectMany(group => group))
            .SelectMany(t => Tokeniser.Compile(t).Words)
            .ToHashSet(StringComparer.Ordinal);
        var meant = content.Languages[language].MeantAsRedFlags.Select(Folding.Fold).ToHashSet(StringComparer.Ordinal);
        return dictionary
            .Where(entry => entry.Length > 0 && !char.IsUpper(entry[0]))
            .SelectMany(entry => Folding.Words(Folding.Fold(entry)).Select(w => w.Word))
            // A word that is a term as typed ("paralyzed", "paraly*") needs no correction to raise its flag.
            .Where(word => word.Length >= 5 && word.All(char.IsLetter) && !vocabulary.Contains(word) && !Hits(word) && !meant.Contains(word))
            .Distinct()
            .Select(word => (Word: word, Corrected: vocabulary.Correct(word)))
            .Where(w => w.Corrected != w.Word && Hits(w.Corrected)
                && (!IsInflection(w.Word, w.Corrected) || crisis.Contains(w.Corrected)))
            .OrderBy(w => w.Word, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The two words differ only in their last two letters or fewer.</summary>
    private static bool IsInflection(string word, string term)
    {
        var shorter = Math.Min(word.Length, term.Length);
        var common = 0;
        while (common < shorter && word[common] == term[common]) common++;
        return common >= shorter - 2;
    }
}
