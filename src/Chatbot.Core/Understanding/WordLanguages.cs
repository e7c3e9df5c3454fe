using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// Words that say which language a message is in: seen (nearly) only in one language's examples,
/// snippets and word lists. Character trigrams cannot tell a message of one or two words
/// ("Hello", "ciao", "who r u", "awake?"); such words can. Used only for short messages.
/// </summary>
internal sealed class WordLanguages
{
    /// <summary>A word's share of one language for it to count, and how often it must have been seen.</summary>
    private const double Share = 2.0 / 3;
    private const int MinSeen = 2;

    /// <summary>A word of a language's own lists (greetings, SMS spellings, yes/no) weighs as three sightings.</summary>
    private const int ListWeight = 3;

    private readonly ulong[] words;
    private readonly byte[] languages;
    private readonly RowIndex rows;

    public WordLanguages(ChatContent content)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        void Count(string language, string text, int weight)
        {
            var l = IndexOf(language);
            if (l < 0) return;
            foreach (var (word, _) in Folding.Words(Folding.Fold(text)))
            {
                if (word.Any(char.IsDigit)) continue;
                if (!counts.TryGetValue(word, out var seen)) counts[word] = seen = new int[ChatContent.SupportedLanguages.Count];
                seen[l] += weight;
            }
        }
        foreach (var example in content.Examples) Count(example.Language, example.Text, 1);
        foreach (var snippet in content.Snippets) Count(snippet.Document.Language, snippet.Text, 1);
        foreach (var (language, profile) in content.Languages)
        {
            foreach (var phrase in profile.Greetings.Concat(profile.Thanks).Concat(profile.Goodbyes).Concat(profile.Yes).Concat(profile.No).Concat(profile.Sms.Keys))
                Count(language, phrase, ListWeight);
        }
        var telling = counts.Where(c => c.Value.Sum() >= MinSeen && c.Value.Max() >= Share * c.Value.Sum()).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        words = [.. telling.Select(c => Key(c.Key))];
        languages = [.. telling.Select(c => (byte)Array.IndexOf(c.Value, c.Value.Max()))];
        rows = new RowIndex(words);
    }

    private WordLanguages(ulong[] words, byte[] languages)
    {
        if (languages.Length != words.Length || languages.Any(l => l >= ChatContent.SupportedLanguages.Count)) throw new InvalidDataException("word languages do not match their words");
        this.words = words;
        this.languages = languages;
        rows = new RowIndex(words);
    }

    internal void Write(BinaryWriter writer)
    {
        UnderstandingSnapshot.WriteArray(writer, words);
        UnderstandingSnapshot.WriteArray(writer, languages);
    }

    internal static WordLanguages Read(BinaryReader reader) => new(UnderstandingSnapshot.ReadArray<ulong>(reader), UnderstandingSnapshot.ReadArray<byte>(reader));

    /// <summary>The one language the message's telling words name; null when none does, or they disagree.</summary>
    public string? Vote(string folded)
    {
        string? found = null;
        foreach (var (word, _) in Folding.Words(folded))
        {
            if (!rows.TryGetRow(Key(word), out var row)) continue;
            var language = ChatContent.SupportedLanguages[languages[row]];
            if (found is not null && found != language) return null;
            found = language;
        }
        return found;
    }

    private static int IndexOf(string language)
    {
        for (var i = 0; i < ChatContent.SupportedLanguages.Count; i++) if (ChatContent.SupportedLanguages[i] == language) return i;
        return -1;
    }

    private static ulong Key(string word) => TopicClassifier.Hash('l', word);
}
