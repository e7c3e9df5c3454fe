namespace Chatbot.Core.Tests.Conversation;

/// <summary>Short openings: the patient's language is read from the words, and nothing is guessed from a bare yes.</summary>
public class SmallTalkTests
{
    [Theory]
    [InlineData("Hello", "en")]
    [InlineData("HELLO", "en")]
    [InlineData("ciao", "it")]
    [InlineData("salve", "it")]
    [InlineData("hiya", "en")]
    [InlineData("bonjour", "fr")]
    public void AOneWordGreeting_IsAnsweredInItsLanguage_WithoutALocale(string greeting, string language)
    {
        var chat = Transcript.Start().Send(greeting).Expect("smalltalk", "greeting");
        Assert.Equal(language, chat.Last.Language);
    }

    [Fact]
    public void WhoRU_IsSmallTalkInEnglish_NotAQuestionInFrench()
    {
        var chat = Transcript.Start().Send("who r u").Expect("smalltalk", "greeting");
        Assert.Equal("en", chat.Last.Language);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("oui")]
    [InlineData("no")]
    public void ABareYesOrNo_WhenNothingWasAsked_InvitesTheQuestion_InsteadOfGuessingATopic(string answer)
    {
        var chat = Transcript.Start().Send(answer).Expect("smalltalk", "greeting");
        Assert.Empty(chat.Last.Citations);
    }

    [Fact]
    public void AShortWord_InAConversation_KeepsItsLanguage()
    {
        // "non" is Italian as often as French: in a French conversation it stays French.
        var chat = Transcript.Start().Send("est-ce qu'on est endormi pendant une vertébroplastie ?").Send("non");
        Assert.Equal("fr", chat.Last.Language);
    }

    [Theory]
    [InlineData("please help")]
    [InlineData("si je mange avant ?")]
    public void AMessageStartingWithYes_ThatSaysMore_IsNotABareYes(string message)
    {
        var chat = Transcript.Start().Send(message);
        Assert.NotEqual("greeting", chat.Last.Topic);
    }

    [Fact]
    public void AShortQuestion_IsReadInItsLanguage()
    {
        var chat = Transcript.Start().Send("awake?");
        Assert.Equal("en", chat.Last.Language);
    }
}
