using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Tests.Understanding;

/// <summary>Everyday words are not typos of red-flag terms; real typos of those terms still are.</summary>
public class NotTyposTests
{
    [Fact]
    public void AWordTheCorrectorWouldTurnIntoARedFlag_IsFound_ButNotATermsOwnSpellingOrAWordMeantForIt()
    {
        // "fewer" became "fever" (until examples used it); "paralyzed" is a term as typed (paraly*);
        // "feint" is listed as meant for "faint".
        var content = TestContent.Content with { Examples = TestContent.Content.Examples.Where(e => !e.Text.Contains("fewer", StringComparison.OrdinalIgnoreCase)).ToList() };
        var found = NotTypos.Find(content, "en", ["fewer", "paralyzed", "feint", "table", "Fever"]);

        Assert.Equal(["fewer"], found.Select(f => f.Word));
        Assert.Equal("fever", found[0].Corrected);
    }

    [Fact]
    public void TheShippedListsKeepEverydayWordsAsTyped()
    {
        var vocabulary = TestContent.Assistant.Understander.Trained.Vocabulary;
        Assert.Equal("fewer", vocabulary.Correct("fewer"));
        Assert.Equal("soigne", vocabulary.Correct("soigne"));
        // A real typo still meets its term.
        Assert.Equal("fever", vocabulary.Correct("feverr"));
    }

    [Fact]
    public void EveryWordTheRulesLookFor_IsLeftAsTyped()
    {
        // "I don't want to bother anyone" was read "brother" and went unheard: a list of dialogs/language that
        // LanguageProfile.RulePhrases forgets lets the corrector change the words its rule looks for.
        var vocabulary = TestContent.Assistant.Understander.Trained.Vocabulary;
        string[] notInMessages = [nameof(LanguageProfile.NotTypos), nameof(LanguageProfile.MeantAsRedFlags),
            nameof(LanguageProfile.Quantities), nameof(LanguageProfile.Timings)];
        var lists = typeof(LanguageProfile).GetProperties()
            .Where(p => p.PropertyType == typeof(IReadOnlyList<string>) && !notInMessages.Contains(p.Name));

        var changed =
            from profile in TestContent.Content.Languages.Values
            from list in lists
            from phrase in (IReadOnlyList<string>)list.GetValue(profile)!
            from word in Folding.Words(Folding.Fold(phrase.Replace("*", " ", StringComparison.Ordinal)))
            let corrected = vocabulary.Correct(word.Word)
            where corrected != word.Word && !profile.MeantAsRedFlags.Select(Folding.Fold).Contains(word.Word)
            select $"{profile.Language} {list.Name}: {word.Word} -> {corrected}";

        Assert.Empty(changed);
    }
}
