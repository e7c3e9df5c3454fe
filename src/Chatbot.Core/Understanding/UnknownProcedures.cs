using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// "Sacroplastie", "coblation", "balloon sacroplasty": a word made like a procedure's name that none of ours
/// is. Quoting the documents of another procedure as if they applied is what the bot must never do.
/// </summary>
public sealed class UnknownProcedures
{
    /// <summary>How names of procedures end in French, Italian and English ("-plastie", "-plastica", "-plasty").
    /// </summary>
    /// Only these: "-tomie" would take "anatomie" for a procedure.
    private static readonly string[] Endings = ["plastie", "plasties", "plastica", "plastiche", "plastia", "plasty"];

    private readonly HashSet<string> known;

    public UnknownProcedures(ChatContent content)
    {
        known = content.ProcedureNames(cues: false)
            .SelectMany(n => Folding.Words(Folding.Fold(n)).Select(w => w.Word)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The first word of the message that names a procedure none of ours is, if any.</summary>
    public string? In(IReadOnlyList<Token> tokens)
    {
        foreach (var token in tokens)
        {
            var word = token.Text;
            // A stem before the ending: "plastica" alone is plastic ("allergic to some plastics", corrected to it).
            var madeLikeOne = Array.Exists(
                Endings, e => word.EndsWith(e, StringComparison.Ordinal) && word.Length >= e.Length + 3);
            if (word.Length >= 8 && madeLikeOne && !known.Contains(word)) return word;
        }
        return null;
    }
}
