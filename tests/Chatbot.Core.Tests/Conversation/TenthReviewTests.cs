using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the tenth blind clinical review found (issue 20), general causes each: a wish not to wake up said as
/// relief for everyone (D: an anaesthesia quote); an Italian relative answered in French after a medicine's
/// name; a "when?" or "from when?" no longer said unanswered after "which one?" or later in a conversation.
/// </summary>
public class TenthReviewTests
{
    [Theory]
    [InlineData("honestly it might be easier for everyone if i just didnt wake up from it")]
    [InlineData("ce serait plus simple pour tout le monde si je ne me reveillais pas")]
    [InlineData("sarebbe piu facile per tutti se non mi svegliassi")]
    [InlineData("it would be easier for everyone without me")]
    public void NotWakingUpAsARelief_ForEveryone_IsACrisis(string message) =>
        Transcript.Start().Send("what are the risks of the cementoplasty for metastases?").Expect("answer")
            .Send(message).Expect("escalate", "crisis").ExpectEscalation("created", "emergency");

    [Fact]
    public void AFearOfNotWakingUp_IsAboutTheAnaesthesia_NotACrisis() =>
        Transcript.Start().Send("what if i just dont wake up from the anaesthetic?").Expect("clarify", "anesthesia");

    [Fact]
    public void AMedicinesName_DoesNotTurnAnItalianConversation_IntoFrench()
    {
        var chat = Transcript.Start().Send("salve, mia madre deve fare la cementoplastica al bacino per metastasi")
            .Send("quanto tempo dopo puo alzarsi").Send("prende anche l eliquis");

        Assert.Equal("it", chat.Last.Language);
        chat.ExpectEscalation("offered", "medical_advice");
    }

    [Fact]
    public void WhenAsked_ThenWhichProcedureAnswered_TheMissingTimeIsStillSaid() =>
        Transcript.Start().Send("je pourrai marcher quand apres ?").Expect("clarify")
            .Send("c est pour une vertebre tassee, osteoporose").Expect("answer", "walking", "vertebral_cementoplasty")
            .ExpectEscalation("offered", "unanswered").ExpectText("Ce point précis n'est pas indiqué");

    [Fact]
    public void FromWhenToFast_LaterInAConversation_IsSaidNotStated() =>
        Transcript.Start().Send("combien de temps je reste hospitalise pour l osteosynthese ?").Expect("answer")
            .Send("et je dois etre a jeun a partir de quand").Expect("answer", "fasting", "osteosynthesis")
            .ExpectEscalation("offered", "unanswered");

    [Theory]
    [InlineData("dopo la cementoplastica ossea devo fare fisioterapia?")]
    [InlineData("will i need physio after the vertebroplasty?")]
    [InlineData("le ciment de la vertébroplastie, c'est définitif ?")]
    public void PhysiotherapyOrPermanence_NotInTheDocuments_IsSaid_AndTheTeamOffered(string message) =>
        Transcript.Start().Send(message).ExpectEscalation("offered", "unanswered");

    [Fact]
    public void AndForMyFather_HeIsHavingAnother_IsTheSameQuestion_ForHisProcedure() =>
        Transcript.Start().Send("quanto dura il ricovero per la vertebroplastica").Expect("answer", "hospital_stay")
            .Send("scusi mi sono sbagliato, e la cementoplastica ossea all omero")
            .Expect("answer", "hospital_stay", "bone_cementoplasty")
            .Send("e per mio padre? lui fa la vertebroplastica")
            .Expect("answer", "hospital_stay", "vertebral_cementoplasty");

    [Fact]
    public void APracticalDetail_AndASecondQuestionWithoutItsMark_BothAnswered()
    {
        var chat = Transcript.Start()
            .Send("what time do i need to arrive at the hospital for my osteosynthesis? and should i bring anything")
            .Expect("answer", "hospital_stay", "osteosynthesis").ExpectEscalation("offered", "unanswered");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("entrée la veille", StringComparison.Ordinal));
        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("apporter votre dossier", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("il faut venir accompagne pour l osteosynthese ? mon fils travaille ce jour la et je n ai personne")]
    [InlineData("do i need someone with me for the vertebroplasty? i have no one to drive me home")]
    [InlineData("devo venire accompagnata per la vertebroplastica? non ho nessuno che mi accompagni")]
    public void NobodyToComeWith_IsThePatientsSituation_TheTeamOffered(string message) =>
        Transcript.Start().Send(message).ExpectEscalation("offered", "medical_advice");

    [Fact]
    public void WhichOne_AnsweredWithThePatientsSituation_IsNotAskedAgain_TheTeamIsOffered() =>
        Transcript.Start().Send("combien de temps on reste a l hopital apres la cimentoplastie ?").Expect("clarify")
            .Send("je vis seule a 82 ans, comment je fais pour rentrer chez moi")
            .Expect("fallback", "medical_advice").ExpectEscalation("offered", "medical_advice");

    [Fact]
    public void TheDayOfAKnownProcedure_ToldOnlyByTheGeneralArticle_OffersTheTeam() =>
        Transcript.Start()
            .Send("she is having the cement for a bone metastasis in her pelvis, does she need to stay overnight?")
            .Expect("answer", "hospital_stay", "metastasis_cementoplasty").ExpectQuotesFrom("medisite-cimentoplastie")
            .ExpectEscalation("offered", "unanswered");

    [Fact]
    public void OkThenAQuestion_AfterAnOffer_IsTheQuestion_NotAYesToTheTeam() =>
        Transcript.Start().Send("my father go home same day or he sleep there? cement for his cancer in back")
            .ExpectEscalation("offered", "unanswered")
            .Send("ok. he must eat nothing before?").Expect("escalate", "fasting");

    [Theory]
    [InlineData("c est normal d avoir encore mal au dos apres la vertebroplastie ?")]
    [InlineData("e normale avere ancora mal di schiena dopo la vertebroplastica?")]
    public void StillInPain_IsAnsweredByTheSentenceOnPain_NotByTheStayInHospital(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("answer", "recovery", "vertebral_cementoplasty");

        Assert.Contains(chat.Last.Citations,
            c => c.Quote.Contains("diminution rapide des douleurs", StringComparison.Ordinal));
    }
}
