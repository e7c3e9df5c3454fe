using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Finds which procedure a message is about. A specific name wins ("vertébroplastie"); a family
/// name ("cimentoplastie") is narrowed by cues ("vertèbre", "métastases"); when several names
/// appear, the last one counts ("pas une vertébroplastie, une ostéosynthèse").
/// </summary>
public sealed class ProcedureDetector
{
    private readonly PhraseSet<string> names;
    private readonly PhraseSet<ProcedureFamily> familyNames;
    private readonly Dictionary<string, PhraseSet<string>> cues;
    private readonly Dictionary<string, PhraseSet<string>> conditions;
    private readonly IReadOnlyList<string> all;
    private readonly Dictionary<string, IReadOnlyList<string>> outranks;
    private readonly Negations negations;

    /// <summary>Per language, the phrases that may surround a name in a message that only names a procedure.</summary>
    private readonly Dictionary<string, PhraseSet<bool>> fillers;

    /// <summary>More words than this around a name make a question of their own, fillers or not.</summary>
    private const int MaxFillers = 12;

    public ProcedureDetector(ChatContent content)
    {
        names = new PhraseSet<string>(content.Procedures.SelectMany(p => p.Names.Concat(p.Labels.Values).Select(n => (Tokeniser.Compile(n), p.Id))));
        familyNames = new PhraseSet<ProcedureFamily>(content.Families.SelectMany(f => f.Names.Select(n => (Tokeniser.Compile(n), f))));
        cues = PerLanguage(content, p => p.Cues);
        conditions = PerLanguage(content, p => p.Conditions);
        all = [.. content.Procedures.Select(p => p.Id)];
        // Validated content has one procedure per id.
        outranks = content.Procedures.ToDictionary(p => p.Id, p => p.Outranks);
        negations = new Negations(content);
        fillers = content.Languages.ToDictionary(
            l => l.Key,
            l => new PhraseSet<bool>(l.Value.NameFillers.Select(f => (Tokeniser.Compile(f), true))));
    }

    /// <summary>
    /// Reads the procedure names once: which procedures the message may be about (one, several for a
    /// family name, or none), whether it is little more than a name (a clicked suggestion, "c'est une
    /// ostéosynthèse"), and the tokens with names masked for the topic classifier.
    /// </summary>
    public ProcedureReading Read(IReadOnlyList<Token> tokens, string language)
    {
        var named = names.FindAll(tokens);
        var familyNamed = familyNames.FindAll(tokens);
        var covered = Covered(tokens.Count, named.Select(m => (m.Index, m.Phrase)).Concat(familyNamed.Select(m => (m.Index, m.Phrase))));
        // "Ce n'est pas une vertébroplastie": a name denied is not a choice.
        var denied = named.Where(m => Denied(tokens, m.Index, language)).ToList();
        named.RemoveAll(denied.Contains);
        // "c'est une ostéosynthèse du bassin, pas une cimentoplastie": a family's word denied beside a procedure
        // named is no choice either. Alone it stays ("i stop or no for the cement?" is about the cement).
        if (named.Count > 0) familyNamed.RemoveAll(m => Denied(tokens, m.Index, language));
        return new ProcedureReading(
            Procedures(tokens, language, named, familyNamed),
            OnlyNames(tokens, language, covered),
            Mask(tokens, covered))
        {
            Denied = [.. denied.Select(m => m.Value).Distinct()],
            Named = [.. named.OrderBy(m => m.Index).Select(m => m.Value).Distinct()],
            // "Cimentoplastie vertébrale" is a name of its own, not the family's word.
            Families = [.. familyNamed.Where(f => !named.Any(n => f.Index >= n.Index && f.Index < n.Index + n.Phrase.Words.Length))
                .Select(f => f.Value.Id).Distinct()],
        };
    }

    /// <summary>In the same sentence only: "non fa male per niente. vertebroplastica 3 giorni fa" names it.</summary>
    private bool Denied(IReadOnlyList<Token> tokens, int index, string language) =>
        negations.Before(tokens, index, language, sameSentence: true);

    /// <summary>
    /// "c'est pour la vertébroplastie de ma mère", "it's for the screws in the sacrum btw", a clicked
    /// suggestion: besides names (and cues: "vertèbre", "femore") only fillers. "walking after vertebroplasty?"
    /// is a question of its own, however short: it used to be read as the earlier question again.
    /// Cues alone count too: "et pour les métastases ?", "what about the spine one?".
    /// </summary>
    private bool OnlyNames(IReadOnlyList<Token> tokens, string language, bool[] names)
    {
        var covered = (bool[])names.Clone();
        cues.GetValueOrDefault(language)?.Cover(tokens, covered);
        if (!covered.Any(c => c) || covered.Count(c => !c) > MaxFillers) return false;
        // "e per mia madre che ha 88 anni e una vertebra schiacciata?": an age or a date fills too.
        for (var i = 0; i < tokens.Count; i++) covered[i] |= tokens[i].Text.All(char.IsAsciiDigit);
        // Phrases, not words: "c'est pour une" fills, "qu'est-ce que c'est" asks; "what about" fills, "what is" asks.
        fillers.GetValueOrDefault(language)?.Cover(tokens, covered);
        return covered.All(c => c);
    }

    /// <summary>
    /// The tokens with procedure names replaced by one placeholder: a name says which procedure,
    /// not which question, and must not sway the topic ("had my vertebroplasty yesterday, can I get up?").
    /// </summary>
    public List<Token> MaskNames(IReadOnlyList<Token> tokens) =>
        Mask(tokens, Covered(tokens.Count, names.FindAll(tokens).Select(m => (m.Index, m.Phrase)).Concat(familyNames.FindAll(tokens).Select(m => (m.Index, m.Phrase)))));

    private IReadOnlyList<string> Procedures(
        IReadOnlyList<Token> tokens, string language,
        List<(int Index, Phrase Phrase, string Value)> named, List<(int Index, Phrase Phrase, ProcedureFamily Value)> familyNamed)
    {
        // The last, and at one place the longest, name counts.
        var specific = named.OrderByDescending(m => m.Index).ThenByDescending(m => m.Phrase.Words.Length).FirstOrDefault();
        var family = familyNamed.OrderByDescending(m => m.Index).FirstOrDefault();
        if (specific.Value is not null && (family.Value is null || specific.Index >= family.Index - 1))
        {
            return [specific.Value];
        }
        if (family.Value is null) return Conditioned(tokens, language);
        var cued = Cued(tokens, language, family.Value.Members);
        // "Risks of vertebroplasty? the cement can leak": the family's word, said after one of its own
        // procedures, means that procedure unless cues point to another ("…no, the cement for my metastases").
        if (specific.Value is not null && family.Value.Members.Contains(specific.Value)
            && (cued.Count == 0 || cued.Contains(specific.Value))) return [specific.Value];
        return cued is { Count: > 0 } ? cued : family.Value.Members;
    }

    /// <summary>
    /// The candidates the message's cues point to ("métastases aux vertèbres"): after a family name, or
    /// in the answer to "which procedure?" among those still possible. Empty when no cue fits.
    /// </summary>
    public List<string> Cued(IReadOnlyList<Token> tokens, string language, IReadOnlyList<string> candidates)
    {
        // "Sulla vertebra L3, non al bacino": a cue denied is not where it is done.
        var cued = cues.TryGetValue(language, out var set)
            ? set.FindAll(tokens).Where(c => !Denied(tokens, c.Index, language))
                .Select(c => c.Value).Where(candidates.Contains).Distinct().ToList()
            : [];
        // "Cement for my spine metastases": the spine cue fits a vertebral cementoplasty, but metastases are meant.
        var found = cued.ToArray();
        cued.RemoveAll(p => found.Any(other => outranks[other].Contains(p)));
        return cued;
    }

    /// <summary>
    /// No name, but the illness one procedure treats: "combien de temps sur la table pour mon tassement ?" is
    /// the vertebral cementoplasty. "Crushed vertebra from my cancer" is the metastases' one (it outranks),
    /// and cues of two procedures that neither outranks ("tassement… et le bassin") leave it open.
    /// </summary>
    private List<string> Conditioned(IReadOnlyList<Token> tokens, string language)
    {
        if (!conditions.TryGetValue(language, out var set)) return [];
        var found = set.FindAll(tokens).Select(m => m.Value).Distinct().ToList();
        if (found.Count == 0) return [];
        var cued = Cued(tokens, language, all);
        return cued.Count == 0 ? (found is [_] ? found : []) : (cued is [_] ? cued : []);
    }

    private static Dictionary<string, PhraseSet<string>> PerLanguage(
        ChatContent content, Func<Procedure, IReadOnlyDictionary<string, IReadOnlyList<string>>> lists) =>
        content.Procedures
            .SelectMany(p => lists(p).SelectMany(
                c => c.Value.Select(w => (Language: c.Key, Phrase: Tokeniser.Compile(w), p.Id))))
            .GroupBy(c => c.Language)
            .ToDictionary(g => g.Key, g => new PhraseSet<string>(g.Select(c => (c.Phrase, c.Id))));

    private static List<Token> Mask(IReadOnlyList<Token> tokens, bool[] covered)
    {
        var masked = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!covered[i]) masked.Add(tokens[i]);
            else if (i == 0 || !covered[i - 1]) masked.Add(tokens[i] with { Text = "_procedure_" });
        }
        return masked;
    }

    private static bool[] Covered(int count, IEnumerable<(int Index, Phrase Phrase)> matches)
    {
        var covered = new bool[count];
        foreach (var (index, phrase) in matches) Array.Fill(covered, true, index, phrase.Words.Length);
        return covered;
    }
}

/// <param name="Procedures">One procedure, several (a family name), or none mentioned.</param>
/// <param name="OnlyAName">The message is little more than a procedure's name.</param>
/// <param name="Masked">The tokens with procedure names replaced by a placeholder.</param>
public sealed record ProcedureReading(IReadOnlyList<string> Procedures, bool OnlyAName, List<Token> Masked)
{
    /// <summary>Procedures the message says it is not about ("it's not a vertebroplasty").</summary>
    public IReadOnlyList<string> Denied { get; init; } = [];

    /// <summary>Every procedure named ("my mum's vertebroplasty and my dad's osteosynthesis"), in order.</summary>
    public IReadOnlyList<string> Named { get; init; } = [];

    /// <summary>Families named by their own word ("cimentoplastie ou ostéosynthèse ?"): their ids.</summary>
    public IReadOnlyList<string> Families { get; init; } = [];
}
