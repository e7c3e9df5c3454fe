using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Finds which procedure a message is about. A specific name wins ("vertébroplastie"); a family
/// name ("cimentoplastie") is narrowed by cues ("vertèbre", "métastases"); when several names
/// appear, the last one counts ("pas une vertébroplastie, une ostéosynthèse").
/// </summary>
public sealed class ProcedureDetector
{
    private readonly List<(Phrase Phrase, string Procedure)> names;
    private readonly List<(Phrase Phrase, ProcedureFamily Family)> familyNames;
    private readonly Dictionary<string, List<(Phrase Phrase, string Procedure)>> cues = [];

    public ProcedureDetector(ChatContent content)
    {
        names = content.Procedures
            .SelectMany(p => p.Names.Concat(p.Labels.Values).Select(n => (Tokeniser.Compile(n), p.Id)))
            .OrderByDescending(n => n.Item1.Words.Length)
            .ToList();
        familyNames = content.Families.SelectMany(f => f.Names.Select(n => (Tokeniser.Compile(n), f))).ToList();
        foreach (var procedure in content.Procedures)
        {
            foreach (var (language, list) in procedure.Cues)
            {
                if (!cues.TryGetValue(language, out var entries)) cues[language] = entries = [];
                entries.AddRange(list.Select(c => (Tokeniser.Compile(c), procedure.Id)));
            }
        }
    }

    /// <summary>The procedures the message may be about: one, several (a family), or none mentioned.</summary>
    public IReadOnlyList<string> Find(IReadOnlyList<Token> tokens, string language)
    {
        var specific = names
            .SelectMany(n => n.Phrase.FindIn(tokens).Select(i => (Index: i, n.Procedure)))
            .OrderByDescending(m => m.Index)
            .FirstOrDefault();
        var family = familyNames
            .SelectMany(f => f.Phrase.FindIn(tokens).Select(i => (Index: i, f.Family)))
            .OrderByDescending(m => m.Index)
            .FirstOrDefault();
        if (specific.Procedure is not null && (family.Family is null || specific.Index >= family.Index - 1))
        {
            return [specific.Procedure];
        }
        if (family.Family is null) return [];
        var cued = cues.GetValueOrDefault(language, [])
            .Where(c => family.Family.Members.Contains(c.Procedure) && c.Phrase.FindIn(tokens).Any())
            .Select(c => c.Procedure)
            .Distinct()
            .ToList();
        return cued.Count > 0 ? cued : family.Family.Members;
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
            else if (i == 0 || !covered[i - 1]) masked.Add(new Token("_procedure_", tokens[i].Sentence));
        }
        return masked;
    }

    /// <summary>True when the message is little more than a procedure's name (a clicked suggestion, "c'est une ostéosynthèse").</summary>
    public bool IsOnlyAName(IReadOnlyList<Token> tokens)
    {
        var covered = Covered(tokens);
        var uncovered = covered.Count(c => !c);
        return covered.Any(c => c) && uncovered <= 4;
    }

    private bool[] Covered(IReadOnlyList<Token> tokens)
    {
        var covered = new bool[tokens.Count];
        foreach (var (phrase, _) in names.Concat(familyNames.Select(f => (f.Phrase, f.Family.Id))))
        {
            foreach (var i in phrase.FindIn(tokens))
            {
                for (var j = i; j < i + phrase.Words.Length; j++) covered[j] = true;
            }
        }
        return covered;
    }
}
