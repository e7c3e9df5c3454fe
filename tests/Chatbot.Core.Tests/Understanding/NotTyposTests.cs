using Chatbot.Core.Understanding;

namespace Chatbot.Core.Tests.Understanding;

/// <summary>Everyday words are not typos of red-flag terms; real typos of those terms still are.</summary>
public class NotTyposTests
{
    [Fact]
    public void AWordTheCorrectorWouldTurnIntoARedFlag_IsFound_ButNotATermsOwnSpellingOrAWordMeantForIt()
    {
        // "fewer" became "fever"; "paralyzed" is a term as typed (paraly*); "feint" is listed as meant for "faint".
        var found = NotTypos.Find(TestContent.Content, "en", ["fewer", "paralyzed", "feint", "table", "Fever"]);

        Assert.Equal(["fewer"], found.Select(f => f.Word));
        Assert.Equal("fever", found[0].Corrected);
    }

    [Fact]
    public void TheShippedListsKeepEverydayWordsAsTyped()
    {
        Assert.Contains("fewer", TestContent.Content.Languages["en"].NotTypos);
        Assert.Contains("soigne", TestContent.Content.Languages["fr"].NotTypos);
        Assert.Equal("fewer", TestContent.Assistant.Understander.Trained.Vocabulary.Correct("fewer"));
        // A real typo still meets its term.
        Assert.Equal("fever", TestContent.Assistant.Understander.Trained.Vocabulary.Correct("feverr"));
    }
}
