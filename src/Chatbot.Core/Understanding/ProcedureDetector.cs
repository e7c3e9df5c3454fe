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

    public ProcedureDetector(ChatContent content)
    {
        names = new PhraseSet<string>(content.Procedures.SelectMany(p => p.Names.Concat(p.Labels.Values).Select(n => (Tokeniser.Compile(n), p.Id))));
        familyNames = new PhraseSet<ProcedureFamily>(content.Families.SelectMany(f => f.Names.Select(n => (Tokeniser.Compile(n), f))));
        cues = content.Procedures
            .SelectMany(p => p.Cues.SelectMany(c => c.Value.Select(cue => (Language: c.Key, Phrase: Tokeniser.Compile(cue), p.Id))))
            .GroupBy(c => c.Language)
            .ToDictionary(g => g.Key, g => new PhraseSet<string>(g.Select(c => (c.Phrase, c.Id))));
    }

    /// <summary>The procedures the message may be about: one, several (a family), or none mentioned.</summary>
    public IReadOnlyList<string> Find(IReadOnlyList<Token> tokens, string language)
    {
        // The last, and at one place the longest, name counts.
        var specific = names.FindAll(tokens).OrderByDescending(m => m.Index).ThenByDescending(m => m.Phrase.Words.Length).FirstOrDefault();
        var family = familyNames.FindAll(tokens).OrderByDescending(m => m.Index).FirstOrDefault();
        if (specific.Value is not null && (family.Value is null || specific.Index >= family.Index - 1))
        {
            return [specific.Value];
        }
        if (family.Value is null) return [];
        var cued = cues.TryGetValue(language, out var set)
            ? set.FindAll(tokens).Select(c => c.Value).Where(family.Value.Members.Contains).Distinct().ToList()
            : [];
        return cued.Count > 0 ? cued : family.Value.Members;
    }

    /// <summary>
    /// The tokens with procedure names replaced by one placeholder: a name says which procedure,
    /// not which question, and must not sway the topic ("had my vertebroplasty yesterday, can I get up?").
    /// </summary>
    public List<Token> MaskNames(IReadOnlyList<Token> tokens)
    {
        var covered = Covered(tokens);
        var masked = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!covered[i]) masked.Add(tokens[i]);
            else if (i == 0 || !covered[i - 1]) masked.Add(tokens[i] with { Text = "_procedure_" });
        }
        return masked;
    }

    /// <summary>True when the message is little more than a procedure's name (a clicked suggestion, "c'est une ostéosynthèse").</summary>
    public bool IsOnlyAName(IReadOnlyList<Token> tokens)
    {
        var covered = Covered(tokens);
        return covered.Any(c => c) && covered.Count(c => !c) <= 4;
    }

    private bool[] Covered(IReadOnlyList<Token> tokens)
    {
        var covered = new bool[tokens.Count];
        foreach (var (index, phrase, _) in names.FindAll(tokens)) Array.Fill(covered, true, index, phrase.Words.Length);
        foreach (var (index, phrase, _) in familyNames.FindAll(tokens)) Array.Fill(covered, true, index, phrase.Words.Length);
        return covered;
    }
}
