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
}
