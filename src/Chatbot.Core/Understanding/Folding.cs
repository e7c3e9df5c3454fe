using System.Globalization;
using System.Text;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Folds what patients type to a comparable form: lower case, no accents, words only.
/// "Ça coûte combien ?" and "ca coute cmb" must meet on the same words.
/// </summary>
public static class Folding
{
    /// <summary>Longer messages are read up to here: context rarely follows a whole page of text.</summary>
    public const int MaxCharacters = 2000;

    /// <summary>Base letters of U+00C0..U+017F (Latin-1 and Latin Extended-A), or \0 when there is none.</summary>
    /// <remarks>An explicit table: with invariant globalization (no ICU) string normalisation does not decompose accents.</remarks>
    private const string LatinBase = "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0yaaaaaaccccccccdd\0\0eeeeeeeeeegggggggghh\0\0iiiiiiiii\0\0\0jjkk\0llllll\0\0\0\0nnnnnn\0\0\0oooooo\0\0rrrrrrsssssssstttt\0\0uuuuuuuuuuuuwwyyyzzzzzz\0";

    /// <summary>Lower case, accents removed, ligatures split, every apostrophe as <c>'</c>.</summary>
    public static string Fold(string text)
    {
        if (text.Length > MaxCharacters) text = text[..MaxCharacters];
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case < '\u0080':
                    builder.Append(char.IsControl(c) ? ' ' : char.ToLowerInvariant(c));
                    break;
                case 'œ' or 'Œ': builder.Append("oe"); break;
                case 'æ' or 'Æ': builder.Append("ae"); break;
                case 'ß': builder.Append("ss"); break;
                case '’' or '‘' or '´' or 'ʼ' or '′': builder.Append('\''); break;
                case >= '\u00C0' and < '\u0180' when LatinBase[c - '\u00C0'] != '\0':
                    builder.Append(LatinBase[c - '\u00C0']);
                    break;
                default:
                    var category = CharUnicodeInfo.GetUnicodeCategory(c);
                    if (category == UnicodeCategory.NonSpacingMark) break;
                    builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Splits folded text into words. Elisions are split ("l'anesthesie" → "l", "anesthesie") and
    /// marked, so SMS spellings are expanded only on whole words ("c" alone means "c'est").
    /// </summary>
    public static List<(string Word, bool Elided)> Words(string folded)
    {
        var words = new List<(string, bool)>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                var elided = c == '\'' && i + 1 < folded.Length && char.IsLetter(folded[i + 1]);
                var afterApostrophe = start > 0 && folded[start - 1] == '\'';
                words.Add((folded[start..i], elided || afterApostrophe));
                start = -1;
            }
        }
        return words;
    }

    /// <summary>
    /// A sentence break: used so a negation or a hypothesis only covers its own sentence. The point of
    /// a decimal ("39.8") is not one: "38 5" in a fever rule has to match "38.5" as it matches "38,5".
    /// </summary>
    public static bool EndsSentence(string folded, int index) => folded[index] switch
    {
        '.' => !(index > 0 && index + 1 < folded.Length && char.IsDigit(folded[index - 1]) && char.IsDigit(folded[index + 1])),
        '!' or '?' or ';' or '\n' => true,
        _ => false,
    };
}
