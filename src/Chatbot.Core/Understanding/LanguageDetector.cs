using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Recognises French, Italian, English, or another language, from character trigrams learnt from
/// the content itself (examples, snippets, samples). The channel's locale is only a hint.
/// Two models: one trained on everything we have in fr/it/en picks among them; one trained on
/// equal amounts of text per language decides "another language" (unequal corpora would bias it).
/// </summary>
public sealed class LanguageDetector
{
    public const string Other = "other";

    /// <summary>Fewer trigrams than this make a short reply ("d'accord", "ok merci", "sì grazie").</summary>
    private const int ShortReply = 15;

    /// <summary>How clearly a short reply must be of another language to switch the conversation's.</summary>
    private const double ShortReplyMargin = 0.15;

    /// <summary>Below this many trigrams, a message's words can outvote its letters.</summary>
    private const int ShortMessage = 20;
    private const double HintBonus = 1.5;
    private const int BalancedCharacters = 1500;
    private readonly TrigramModel ours;
    private readonly TrigramModel balanced;
    private readonly WordLanguages words;

    public LanguageDetector(ChatContent content)
    {
        var texts = ChatContent.SupportedLanguages.ToDictionary(l => l, _ => new List<string>());
        foreach (var (code, profile) in content.Languages) texts.GetValueOrDefault(code)?.Add(profile.Sample);
        foreach (var example in content.Examples) texts.GetValueOrDefault(example.Language)?.Add(example.Text);
        ours = new TrigramModel(texts.ToDictionary(t => t.Key, t => (IEnumerable<string>)t.Value.Concat(content.Snippets.Where(s => s.Document.Language == t.Key).Select(s => s.Text))));

        var equal = texts.ToDictionary(t => t.Key, t => Take(t.Value, BalancedCharacters));
        foreach (var group in content.ForeignSamples.GroupBy(s => Other + ":" + s.Key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')))
        {
            equal[group.Key] = Take(group.Select(s => s.Value), BalancedCharacters);
        }
        balanced = new TrigramModel(equal.ToDictionary(e => e.Key, e => (IEnumerable<string>)e.Value));
        words = new WordLanguages(content);
    }

    private LanguageDetector(TrigramModel ours, TrigramModel balanced, WordLanguages words)
    {
        this.ours = ours;
        this.balanced = balanced;
        this.words = words;
    }

    internal void Write(BinaryWriter writer)
    {
        ours.Write(writer);
        balanced.Write(writer);
        words.Write(writer);
    }

    internal static LanguageDetector Read(BinaryReader reader) => new(TrigramModel.Read(reader), TrigramModel.Read(reader), WordLanguages.Read(reader));

    /// <summary>The language of the message: fr, it, en, or <see cref="Other"/>.</summary>
    /// <param name="fallback">The conversation's language so far, else the locale hint: used when the text is too short to tell.</param>
    /// <param name="conversationKnown">The fallback is the conversation's language: a short message keeps it
    /// ("non" in a French conversation is not Italian), whatever its words.</param>
    public string Detect(string folded, string? hint, string fallback, bool conversationKnown = false)
    {
        string? Vote() => conversationKnown ? null : words.Vote(folded);
        folded = words.WithoutNames(folded);
        var letters = folded.Count(char.IsLetter);
        if (letters >= 6 && folded.Count(c => c is >= 'a' and <= 'z') < letters / 2) return Other;
        var trigrams = TrigramModel.Trigrams(folded);
        // Too short for trigrams: words only one language uses ("hello", "ciao", "who r u") decide, else the fallback.
        if (trigrams.Count < 6) return Vote() ?? fallback;
        // Too short to call "another language" from: the balanced model is not consulted.
        if (trigrams.Count >= 15 && balanced.Rank(trigrams, hint: null, 0) is var foreign
            && foreign[0].Language.StartsWith(Other, StringComparison.Ordinal)
            && (foreign[0].Score - foreign[1].Score) / trigrams.Count > 0.1)
        {
            return Other;
        }
        // "prende anche l'eliquis" in an Italian conversation: its letters look French ("hanche"), its words
        // are the conversation's own.
        if (conversationKnown && trigrams.Count < ShortMessage && words.Vote(folded) == fallback) return fallback;
        var ranked = ours.Rank(trigrams, hint, HintBonus);
        var margin = (ranked[0].Score - ranked[1].Score) / trigrams.Count;
        // "d'accord" in a French conversation looks Italian ("accordo"): a short reply switches the
        // conversation's language, and its emergency numbers, only when its letters leave no doubt.
        if (conversationKnown && trigrams.Count < ShortReply && margin < ShortReplyMargin) return fallback;
        if (margin >= 0.02 || trigrams.Count >= ShortMessage) return ranked[0].Language;
        return Vote() ?? (ranked[1].Language == fallback ? fallback : ranked[0].Language);
    }

    private static List<string> Take(IEnumerable<string> texts, int characters)
    {
        var taken = new List<string>();
        var total = 0;
        foreach (var text in texts)
        {
            if (total >= characters) break;
            taken.Add(text);
            total += text.Length;
        }
        return taken;
    }
}
