using Chatbot.Core.Tests.Conversation;

namespace Chatbot.Core.Tests.Knowledge;

/// <summary>
/// The sentence that answers the precise question, from the procedure's own document (issue 20, content fit):
/// snippets split by fact, tagged by what they say.
/// </summary>
public class PassageTests
{
    [Fact]
    public void Walking_AfterAVertebroplasty_GetsTheLyingStillSentence_NotTheDischarge()
    {
        var chat = Transcript.Start().Send("je pourrai marcher quand apres la vertebroplastie ?")
            .Expect("answer", "walking");

        Assert.Equal(["vert-walking-1"], chat.Last.Citations.Select(c => c.SnippetId));
    }

    [Fact]
    public void HospitalStay_AfterAVertebroplasty_GetsTheMonitoringAndTheDischargeNextDay()
    {
        var chat = Transcript.Start().Send("combien de temps je reste a l'hopital apres une vertebroplastie ?")
            .Expect("answer", "hospital_stay").ExpectText("le lendemain du traitement");

        Assert.DoesNotContain(chat.Last.Citations, c => c.SnippetId == "vert-walking-1");
    }

    [Fact]
    public void Risks_OfAVertebroplasty_QuoteTheWholeList_ItemByItem_InSourceOrder()
    {
        var chat = Transcript.Start().Send("quels sont les risques de la vertebroplastie ?").Expect("answer", "risks");

        var ids = chat.Last.Citations.Select(c => c.SnippetId).ToList();
        var list = ids.Where(i => i is not ("vert-risks-1" or "vert-risks-2"));
        Assert.Equal(["vert-risks-3", "vert-risks-4", "vert-risks-5", "vert-risks-6"], list);
        chat.ExpectText("Décès (exceptionnel)");
    }

    [Fact]
    public void Risks_OfTheItalianBoneCementoplasty_AreNotAnsweredWithTheAdvantagesOfTheGeneralArticle()
    {
        // Its document states no risk; the general article's "advantages" no longer pass for one.
        var chat = Transcript.Start().Send("quali sono i rischi della cementoplastica ossea?")
            .Expect("escalate", "risks", "bone_cementoplasty").ExpectEscalation("offered", "unanswered");

        Assert.Empty(chat.Last.Citations);
    }

    [Fact]
    public void ACutAsked_FindsTheNeedlesThroughTheSkin_ThoughTheQuestionNamesTheProcedure()
    {
        // "cementoplastica" shares its first letters with every sentence on "il cemento": the name says
        // which document, not which sentence.
        var chat = Transcript.Start().Send("come si svolge la cementoplastica ossea? fanno un taglio grande?")
            .Expect("answer", "course", "bone_cementoplasty");

        Assert.Contains(chat.Last.Citations, c => c.SnippetId == "ossea-course-3");
    }

    [Theory]
    [InlineData("pour qui est la cimentoplastie pour metastases osseuses ?", "meta-definition-1")]
    [InlineData("a qui s'adresse l'osteosynthese percutanee ?", "osteo-definition-1")]
    public void WhoIsItFor_LeadsWithTheIndication_NotAStatisticOrAnAdvantage(string question, string lead)
    {
        var chat = Transcript.Start().Send(question).Expect("answer", "indications");

        Assert.Equal(lead, chat.Last.Citations[0].SnippetId);
        Assert.DoesNotContain(chat.Last.Citations, c => c.SnippetId == "osteo-indications-1");
    }

    [Fact]
    public void TheBackPainAdviceOfDocument003_IsNeverQuoted()
    {
        Assert.DoesNotContain(TestContent.Content.Snippets, s =>
            s.Text.Contains("Anti-inflammatoires", StringComparison.Ordinal)
            || s.Text.Contains("surpoids", StringComparison.Ordinal));
    }

    [Theory]
    // Another language: the concepts of dialogs/language say "set" and "si solidifica" are one thing.
    [InlineData("how long does the cement take to set in bone cementoplasty?", "ossea-course-5")]
    // Other words: "ouvrir" and "incision".
    [InlineData("pour l'ostéosynthèse percutanée, est-ce qu'ils ouvrent la peau ?", "osteo-course-3")]
    public void ThePreciseQuestion_FindsItsSentence_InOtherWords(string question, string snippet)
    {
        var chat = Transcript.Start().Send(question).Expect("answer");

        Assert.Contains(chat.Last.Citations, c => c.SnippetId == snippet);
    }
}
