namespace Chatbot.Core.Tests.Conversation;

/// <summary>The same reply is never sent twice word for word without offering the team.</summary>
public class RepeatedReplyTests
{
    [Theory]
    [InlineData("faut-il être à jeun ?", "clarify", "low_confidence", "Oui, parler à l'équipe",
        "Sans savoir de quelle intervention il s'agit")]
    [InlineData("quels sont les risques de la vertébroplastie ?", "answer", "unanswered", "Oui, parler à l'équipe", null)]
    public void TheSameReplyAgain_OffersTheTeam_AndYesReachesThem(
        string message, string action, string reason, string? button, string? saidAgain)
    {
        var chat = Transcript.Start().Send(message).Expect(action);
        Assert.Null(chat.Last.Escalation);
        var first = chat.Last.Text;

        chat.Send(message);

        // The same reply (the disclaimer is said once only), and the team offered; "which one?" is not asked
        // twice in the same words: why it matters instead.
        chat.Expect(action).ExpectEscalation("offered", reason).ExpectText(saidAgain ?? first[..60])
            .ExpectText("Souhaitez-vous qu'un membre de l'équipe vous réponde ?");
        if (button is not null) Assert.Contains(button, chat.Last.SuggestedActions);
        chat.Send("oui").Expect("escalate").ExpectEscalation("created", reason);
    }

    [Fact]
    public void AClarificationAgain_StillLetsThePatientPickAProcedure()
    {
        var chat = Transcript.Start().Send("will I be asleep?").Send("will I be asleep?").ExpectEscalation("offered", "low_confidence");

        chat.Send("Percutaneous osteosynthesis").Expect("answer", "anesthesia", "osteosynthesis");
    }

    [Theory]
    [InlineData("merci", "merci")]
    [InlineData("bonjour", "bonjour")]
    public void GreetingsMayRepeat_WithoutAnOffer(string first, string second)
    {
        var chat = Transcript.Start().Send(first).Send(second);

        Assert.Null(chat.Last.Escalation);
    }
}
