using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>A word of the patient's message after folding, SMS expansion and typo correction.</summary>
/// <param name="Clause">Counts commas and sentence breaks: patients ask their question in the last clause.</param>
public readonly record struct Token(string Text, int Sentence, int Clause = 0);

/// <summary>Turns folded text into tokens for one language: SMS spellings expanded, typos corrected.</summary>
public sealed class Tokeniser(IReadOnlyDictionary<string, LanguageProfile> languages, Vocabulary vocabulary)
{
    public List<Token> Tokenise(string folded, string language)
    {
        var sms = languages.TryGetValue(language, out var profile) ? profile.Sms : null;
        var tokens = new List<Token>();
        var sentence = 0;
        var clause = 0;
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : '.';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                var word = folded[start..i];
                var elided = c == '\'' || (start > 0 && folded[start - 1] == '\'');
                if (!elided && sms is not null && sms.TryGetValue(word, out var expanded) 
                    && !AlreadyWritten(folded, word, i, expanded))
                {
                    foreach (var part in expanded.Split(' ', StringSplitOptions.RemoveEmptyEntries)) tokens.Add(new Token(part, sentence, clause));
                }
                else if (vocabulary.SplitGluedElision(word) is { } unglued)
                {
                    tokens.Add(new Token(unglued[..1], sentence, clause));
                    tokens.Add(new Token(vocabulary.Correct(unglued[1..]), sentence, clause));
                }
                else
                {
                    tokens.Add(new Token(vocabulary.Correct(word), sentence, clause));
                }
                start = -1;
            }
            if (i >= folded.Length) continue;
            if (Folding.EndsSentence(folded, i)) (sentence, clause) = (sentence + 1, clause + 1);
            else if (folded[i] == ',' && tokens.Count > 0 && tokens[^1].Clause == clause) clause++;
        }
        return tokens;
    }

    /// <summary>
    /// "c est pareil" typed without its apostrophe: "c" is not expanded to "c est" again (which made "c est est").
    /// True when the expansion begins with the word and its next word follows in the message.
    /// </summary>
    private static bool AlreadyWritten(string folded, string word, int end, string expanded)
    {
        var parts = expanded.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] != word) return false;
        var start = end;
        while (start < folded.Length && !char.IsLetterOrDigit(folded[start])) start++;
        var stop = start;
        while (stop < folded.Length && char.IsLetterOrDigit(folded[stop])) stop++;
        return folded.AsSpan(start, stop - start).SequenceEqual(parts[1]);
    }

    /// <summary>Folds and splits a content phrase ("ne sent plus", "saign*") the same way as messages.</summary>
    public static Phrase Compile(string phrase)
    {
        var folded = Folding.Fold(phrase);
        var words = new List<string>();
        var prefix = new List<bool>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            words.Add(folded[start..i]);
            prefix.Add(c == '*');
            start = -1;
        }
        return new Phrase([.. words], [.. prefix]);
    }
}

/// <summary>Consecutive words to find in a message; a word marked prefix matches any word it starts.</summary>
public sealed record Phrase(string[] Words, bool[] Prefix)
{
    public bool MatchesAtStart(IReadOnlyList<Token> tokens) => Words.Length <= tokens.Count && MatchesAt(tokens, 0);

    public bool MatchesAt(IReadOnlyList<Token> tokens, int start)
    {
        var sentence = tokens[start].Sentence;
        for (var j = 0; j < Words.Length; j++)
        {
            var token = tokens[start + j];
            if (token.Sentence != sentence) return false;
            var ok = Prefix[j] ? token.Text.StartsWith(Words[j], StringComparison.Ordinal) : token.Text == Words[j];
            if (!ok) return false;
        }
        return true;
    }

    public override string ToString() => string.Join(' ', Words.Select((w, i) => Prefix[i] ? w + "*" : w));
}
