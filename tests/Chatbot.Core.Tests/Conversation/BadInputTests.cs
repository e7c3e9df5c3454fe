namespace Chatbot.Core.Tests.Conversation;

public class BadInputTests
{
    public static TheoryData<string> Inputs() => new()
    {
        "",
        "   \t\n ",
        new string('a', 100_000),
        "\u0000\u0001\u0002\ufffd\ud800",
        "😀😀🙏",
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
        "Hola, ¿tengo que estar en ayunas antes de la operación? Muchas gracias por su ayuda.",
        "Guten Tag, muss ich vor der Operation nüchtern sein? Vielen Dank für Ihre Antwort.",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void AnyInput_GetsAClearReply_NeverAnException(string input)
    {
        var chat = Transcript.Start().Send(input);
        Assert.False(string.IsNullOrWhiteSpace(chat.Last.Text));
        Assert.Empty(chat.Last.Citations);
        Assert.Contains(chat.Last.Action, new[] { "fallback", "smalltalk" });
    }

    [Theory]
    [InlineData("Hola, ¿tengo que estar en ayunas antes de la operación? Muchas gracias por su ayuda.")]
    [InlineData("Guten Tag, muss ich vor der Operation nüchtern sein? Vielen Dank für Ihre Antwort.")]
    public void AnotherLanguage_GetsAPoliteReplyInFrenchItalianAndEnglish(string input)
    {
        var chat = Transcript.Start().Send(input)
            .ExpectText("français")
            .ExpectText("italiano")
            .ExpectText("English");
        Assert.Equal("other", chat.Last.Language);
    }
}

public class MarkupTests
{
    [Fact]
    public void Markup_AroundAQuestion_DoesNotChangeItsLanguageOrTopic()
    {
        Transcript.Start()
            .Send("<img src=x onerror=\"window.x=1\"> je veux parler à une infirmière <script>window.x=2</script>")
            .Expect("escalate", "human")
            .ExpectEscalation("created", "human_requested")
            .ExpectText("Je transmets votre demande");
    }
}
