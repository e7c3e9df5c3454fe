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
}
