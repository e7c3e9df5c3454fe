namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the eighteenth blind clinical review found (issue 20, 79.7 % A): one D, a correction of the site
/// ("la fanno sulla vertebra L3, non al bacino") not taken, so the Italian document on bones outside the
/// spine kept answering ("cammina dopo due ore") for a vertebra.
/// </summary>
public class EighteenthReviewTests
{
    [Fact]
    public void TheSiteCorrected_ToAVertebra_LeavesTheDocumentOnBonesOutsideTheSpine()
    {
        var chat = Transcript.Start()
            .Send("ho il mieloma multiplo, lesioni al bacino e all'omero. la cementoplastica serve nel mio caso?")
            .Send("e dopo posso camminare subito?")
            .Send("scusate, l'ematologo ha detto che la fanno sulla vertebra L3, non al bacino");

        Assert.NotEqual("bone_cementoplasty", chat.Last.Procedure);
        chat.Send("quindi quando posso camminare?");
        Assert.NotEqual("bone_cementoplasty", chat.Last.Procedure);
        Assert.DoesNotContain(chat.Last.Citations, c => c.DocumentId == "cementoplastica-ossea");
    }

    [Fact]
    public void ASiteDenied_IsNotWhereItIsDone() =>
        Transcript.Start().Send("la cimentoplastie du bassin pour mes métastases, je marche quand ?")
            .Send("pardon c est sur la vertebre L3, pas le bassin")
            .Expect("answer", "walking", "vertebral_cementoplasty");

    [Theory]
    [InlineData("je suis prof, est-ce que je pourrai reprendre les cours lundi après ma vertébroplastie ?")]
    [InlineData("after the vertebroplasty, what is the infection risk and what signs should I watch for at home?")]
    [InlineData("la vertebroplastie, il faut une prise de sang ? je peux la faire au labo de mon village ?")]
    [InlineData("dopo l'osteosintesi del sacro potrà prendere in braccio il nipotino di 10 kg?")]
    public void APointTheQuotesDoNotGive_IsSaid_AndTheTeamOffered(string message) =>
        Transcript.Start().Send(message).ExpectEscalation("offered", "unanswered");

    [Fact]
    public void WhoPaysForThis_IsReimbursement_NotTheReceptionDesk() =>
        Transcript.Start().Send("the cementoplasty for my femur").Send("also my wife is asking who pays for this")
            .Expect("escalate", "reimbursement").ExpectEscalation("offered", "unanswered");

    [Fact]
    public void DoesMumSleepThroughIt_IsTheAnaesthesia() =>
        Transcript.Start().Send("la cementoplastica al femore della mamma")
            .Send("lei dice pure che mamma dorme tutta l'operazione, è vero?")
            .Expect("answer", "anesthesia", "bone_cementoplasty");
}
