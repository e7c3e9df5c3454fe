namespace Chatbot.Core.Tests.Conversation;

/// <summary>Pain worse despite strong painkillers, one-word breathlessness: red flags. Not ordinary questions.</summary>
public class PainAndBreathingTests
{
    [Theory]
    [InlineData("la douleur est de pire en pire malgré le tramadol", "15")]
    [InlineData("la douleur est de pire en pire malgré la morphine", "15")]
    [InlineData("j'ai toujours mal malgré la morphine et ça empire", "15")]
    [InlineData("dolore sempre più forte nonostante la morfina", "118")]
    [InlineData("il dolore peggiora anche con il tramadol", "118")]
    [InlineData("the pain keeps getting worse even with the oxycodone", "112")]
    [InlineData("the pain keeps getting worse even with strong painkillers", "112")]
    [InlineData("the oxycodone isn't helping and the pain is getting worse", "112")]
    public void PainWorseningDespiteStrongPainkillers_IsARedFlag(string message, string number)
    {
        var chat = Transcript.Start().Send(message).Expect("escalate", "emergency")
            .ExpectEscalation("created", "emergency").ExpectText(number);
        Assert.Equal("pain_despite_painkillers", chat.Last.RedFlag);
        Assert.Empty(chat.Last.Citations);
    }

    [Theory]
    [InlineData("a bit out of breath since yesterday, is that normal?")]
    [InlineData("breathless")]
    [InlineData("she's been breathless all morning")]
    [InlineData("short of breath")]
    [InlineData("can't catch my breath")]
    public void EnglishBreathlessness_IsARedFlag_InOneWordOrTwo(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("escalate", "emergency").ExpectText("112");
        Assert.Equal("breathing", chat.Last.RedFlag);
    }

    [Theory]
    [InlineData("will it hurt?")]
    [InlineData("will it hurt afterwards?")]
    [InlineData("the pain should ease after a few days, right?")]
    [InlineData("can I take tramadol for the pain after?")]
    [InlineData("is morphine given after the procedure?")]
    [InlineData("est-ce qu'on me donnera de la morphine ?")]
    [InlineData("il dolore passa con la morfina?")]
    [InlineData("will I be out of breath after the procedure?")]
    [InlineData("I'm not out of breath, just tired, is that normal?")]
    // Contractions are negations: the fever is denied, not reported.
    [InlineData("I don't have a fever, is the soreness normal?")]
    public void OrdinaryPainOrBreathQuestion_IsNotAnEmergency(string message)
    {
        var chat = Transcript.Start().Send(message);
        Assert.NotEqual("emergency", chat.Last.Escalation?.Reason);
    }

    [Theory]
    [InlineData("fr", "je lui donne un doliprane et on attend demain ?", "15")]
    [InlineData("en", "can I give paracetamol and wait until tomorrow?", "112")]
    [InlineData("en", "can't we just come in the morning?", "112")]
    [InlineData("it", "prendo una tachipirina e aspetto domani?", "118")]
    public void WaitingOrSelfMedicating_AfterAnEmergency_GetsTheGuidanceAgain(
        string language, string next, string number)
    {
        var emergency = language switch
        {
            "fr" => "mon père a 40 de fièvre et des frissons depuis l'ostéosynthèse",
            "it" => "ho la febbre alta e sono confuso dopo l'intervento",
            _ => "mum has a fever of 39.6 and chills since the vertebroplasty",
        };
        var chat = Transcript.Start().Send(emergency).Expect("escalate", "emergency")
            .Send(next).Expect("escalate", "emergency").ExpectText(number);
        Assert.Empty(chat.Last.Citations);
    }
}
