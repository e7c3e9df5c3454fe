namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the twentieth blind clinical review found (issue 20): three D in one conversation. "La medicazione è
/// piena di sangue e sto sudando freddo, mi gira la testa" the morning after was asked which procedure:
/// "piena di" was not the rule's "pieno di", and a cold sweat with dizziness was no red flag in any language.
/// </summary>
public class TwentiethReviewTests
{
    [Theory]
    [InlineData("mi sono accorta che la medicazione e piena di sangue e sto sudando freddo, mi gira la testa")]
    [InlineData("sto sudando freddo e mi gira la testa")]
    [InlineData("j'ai des sueurs froides et la tête qui tourne")]
    [InlineData("I'm in a cold sweat and dizzy")]
    [InlineData("my dressing is full of blood")]
    public void BleedingOrSignsOfShock_AreAnEmergency(string message) =>
        Transcript.Start().Send(message).Expect("escalate", "emergency").ExpectEscalation("created", "emergency");

    [Fact]
    public void AfterTheBleeding_WaitingForHerHusband_IsTheGuidanceAgain() =>
        Transcript.Start().Send("ciao ho fatto la cementoplastica stamattina per la metastasi all'anca")
            .Send("mi sono accorta che la medicazione e piena di sangue e sto sudando freddo, mi gira la testa")
            .Expect("escalate", "emergency")
            .Send("posso aspettare domani mattina che mio marito torna?")
            .Expect("escalate", "emergency").ExpectText("Aspettare non è consigliato");

    [Fact]
    public void ANurseAskingTheLeakRate_WithoutAMark_IsAnswered_NotGreeted()
    {
        var chat = Transcript.Start().Send("I'm a nurse, can you tell me the cement leak rate for vertebroplasty " +
            "and whether leaks are usually symptomatic").Expect("answer", "risks", "vertebral_cementoplasty");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("1 à 5%", StringComparison.Ordinal));
    }

    [Fact]
    public void PickingUpHerChildren_AfterTheProcedure_IsNotStated_AndTheTeamOffered() =>
        Transcript.Start().Send("I have a spinal metastasis and two kids under 5, will I be able to pick them up " +
            "after the cementoplasty? when can I walk?").ExpectEscalation("offered", "unanswered");
}
