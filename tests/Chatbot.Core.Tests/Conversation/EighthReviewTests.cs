using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the eighth blind clinical review found (issue 20), general causes each: a spine told after the Italian
/// document was assumed, ignored (D: walking after two hours); "not in our documents" although the French
/// document on metastases answers; "the cancer one" not heard as that one; "which one?" asked twice alike.
/// </summary>
public class EighthReviewTests
{
    [Fact]
    public void AfterTheItalianDocumentWasAssumed_TheSpineToldInWords_IsTheVertebralProcedure() =>
        Transcript.Start().Send("quando posso camminare dopo l intervento col cemento?")
            .Expect("answer", procedure: "bone_cementoplasty")
            .Send("è per la schiena, una vertebra schiacciata").Expect("answer", procedure: "vertebral_cementoplasty");

    [Fact]
    public void RisksTheItalianDocumentDoesNotState_ForMetastases_AreQuotedFromTheDocumentOnMetastases()
    {
        var chat = Transcript.Start()
            .Send("che rischi ci sono con la cementoplastica? mio marito ha un tumore al polmone con metastasi all omero")
            .Expect("answer", "risks", "metastasis_cementoplasty");

        Assert.All(chat.Last.Citations, c => Assert.Equal("cimentoplastie-metastases", c.DocumentId));
        Assert.StartsWith("Il nostro documento su questo argomento è in francese", chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACue_TheItalianDocumentsSilence_IsSaid_NotAnotherProceduresAnswer() =>
        Transcript.Start().Send("fino a che ora posso mangiare prima della cementoplastica?")
            .Expect("escalate", "fasting", "bone_cementoplasty").ExpectEscalation("offered", "unanswered");

    [Theory]
    [InlineData("what are the risks, my husband is on chemo", "the cancer one, metastases in his pelvis")]
    [InlineData("quels sont les risques ?", "celle pour le cancer, il a des métastases dans le bassin")]
    public void TheCancerOne_InThePelvis_IsTheProcedureForMetastases(string question, string which) =>
        Transcript.Start().Send(question).Expect("clarify").Send(which)
            .Expect("answer", "risks", "metastasis_cementoplasty");

    [Fact]
    public void IDoNotKnow_IsNotAskedTheSameQuestionAgain_ItIsToldWhy_AndOfferedTheTeam()
    {
        var chat = Transcript.Start().Send("ya t il des risques ? je suis un peu inquiete").Expect("clarify")
            .Send("Je ne sais pas").Expect("clarify").ExpectEscalation("offered", "low_confidence")
            .ExpectText("Sans savoir de quelle intervention il s'agit");

        Assert.DoesNotContain("Je ne sais pas", chat.Last.SuggestedActions);
        Assert.Contains("Cimentoplastie vertébrale (vertébroplastie)", chat.Last.SuggestedActions);
    }

    [Theory]
    [InlineData("when can i walk after the vertebroplasty?")]
    [InlineData("quand pourrai-je marcher après la vertébroplastie ?")]
    [InlineData("quando posso tornare in palestra dopo la cementoplastica?")]
    [InlineData("when can I take the dressing off after the osteosynthesis?")]
    public void WhenOrAPointTheQuotesDoNotSay_IsSaidNotStated_AndTheTeamOffered(string message) =>
        Transcript.Start().Send(message).Expect("answer").ExpectEscalation("offered", "unanswered")
            .ExpectText(message.StartsWith("quando", StringComparison.Ordinal) ? "Questo punto preciso non è indicato"
                : message.StartsWith("quand", StringComparison.Ordinal) ? "Ce point précis n'est pas indiqué"
                : "This precise point is not stated");

    [Fact]
    public void When_AnsweredWithRapidly_IsAPlainAnswer() =>
        Transcript.Start().Send("when can I walk again after the osteosynthesis?").Expect("answer", "walking")
            .ExpectText("reprise rapide de la marche");

    [Theory]
    [InlineData("quels sont les risques de la cimentoplastie vertebrale, jai lu que le ciment pouvait fuir")]
    [InlineData("what are the risks of a vertebroplasty? I read the cement can leak")]
    public void AskingForTheWholeList_WhileNamingOneItem_GetsTheWholeList(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("answer", "risks", "vertebral_cementoplasty");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("Fuite de ciment", StringComparison.Ordinal));
        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("Décès", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("je dois avoir une cimentoplastie pour mes metastases")]
    [InlineData("quick q about the pelvic screw operation")]
    public void AShortTelling_ReadAsATopicWithLittleCertainty_IsNoted_NotAnsweredNorEscalated(string message) =>
        Transcript.Start().Send(message).Expect("smalltalk").ExpectText("?");

    [Theory]
    [InlineData("how long will my husband stay in hospital for his pelvic osteosynthesis?", "he's on warfarin")]
    [InlineData("combien de temps dure la vertébroplastie ?", "elle est sous previscan")]
    public void ASituationToldAfterAQuestion_IsNotTheLastAnswerAgain_TheTeamIsOffered(string question, string told) =>
        Transcript.Start().Send(question).Expect("answer").Send(told)
            .Expect("fallback", "medical_advice").ExpectEscalation("offered", "medical_advice");

    [Fact]
    public void Tennis_IsAPointTheDocumentsDoNotGive() =>
        Transcript.Start().Send("quando posso tornare a giocare a tennis dopo la cementoplastica?")
            .ExpectEscalation("offered", "unanswered").ExpectText("Questo punto preciso non è indicato");

    [Fact]
    public void InEnglish_MetastasisInTheFemur_IsTheHospitalsDocumentOnMetastases_NotAQuestionBetweenTwo() =>
        Transcript.Start().Send("is the vertebroplasty dangerous").Expect("answer", "risks", "vertebral_cementoplasty")
            .Send("sorry not vertebroplasty, cementoplasty for my metastasis in the femur")
            .Expect("answer", "risks", "metastasis_cementoplasty")
            .Send("will I be awake").Expect("answer", "anesthesia", "metastasis_cementoplasty");

    [Fact]
    public void InEnglish_CementoplastyAlone_OffersTheHospitalsDocuments_NotTheItalianOne()
    {
        var chat = Transcript.Start().Send("what are the risks of cementoplasty?").Expect("clarify");

        Assert.DoesNotContain("Bone cementoplasty (Italian document)", chat.Last.SuggestedActions);
        Assert.Contains("Cementoplasty for bone metastases", chat.Last.SuggestedActions);
    }

    [Fact]
    public void WhatTimeToArrive_ForAProcedureWhoseDocumentSaysTheDayBefore_QuotesIt_ThenSaysTheTimeIsNotGiven() =>
        Transcript.Start().Send("a quelle heure faut il arriver le jour de l'osteosynthese du bassin")
            .Expect("answer", "hospital_stay", "osteosynthesis").ExpectText("entrée la veille de l’intervention")
            .ExpectText("Nos documents ne donnent pas ces informations pratiques").ExpectEscalation("offered", "unanswered");

    [Fact]
    public void TwoQuestions_WithoutAQuestionMark_AreEachAnswered() =>
        Transcript.Start()
            .Send("my dad is having a vertebroplasty next month, will he be able to walk after and when can he go home")
            .Expect("answer", "walking", "vertebral_cementoplasty").ExpectText("On Walking again:")
            .ExpectText("On Hospital stay:");

    [Fact]
    public void StayingInTheRoom_WhilePregnant_IsForTheTeam_NotWhichProcedure() =>
        Transcript.Start()
            .Send("I'm 7 months pregnant and my mother is having a cementoplasty, can I stay with her in the room during it?")
            .Expect("fallback").ExpectEscalation("offered", "medical_advice")
            .ExpectText("they cannot say what applies in your situation");
}
