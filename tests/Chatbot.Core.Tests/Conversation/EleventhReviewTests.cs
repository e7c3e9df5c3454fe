using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the eleventh blind clinical review found (issue 20), general causes each: "je suis une charge pour
/// tout le monde" read as a question on cover (3 D); "and for my mother, 88, a crushed vertebra?" kept the
/// father's procedure and lost the question (D: another procedure's stay); "what if I don't wake up?"
/// answered by the anaesthesia quote as if it settled the risk; a fear told with a question not heard.
/// </summary>
public class EleventhReviewTests
{
    [Theory]
    [InlineData("je suis une charge pour tout le monde, j ai deja tout donne a mes enfants")]
    [InlineData("de toute facon a quoi bon, je suis une charge pour tout le monde")]
    [InlineData("ho gia dato tutto ai miei figli, tanto non serve piu")]
    [InlineData("i've already given everything to my kids anyway")]
    public void ABurdenOrThingsGivenAway_IsACrisis(string message) =>
        Transcript.Start().Send("j ai peur de l anesthesie pour la cimentoplastie de mes metastases")
            .Send(message).Expect("escalate", "crisis").ExpectEscalation("created", "emergency");

    [Fact]
    public void PriseEnCharge_IsStillAQuestionOnCover() =>
        Transcript.Start().Send("est ce que la prise en charge de l osteosynthese est complete ?")
            .Expect("answer", "reimbursement", "osteosynthesis");

    [Theory]
    [InlineData("buongiorno mio padre deve fare la cementoplastica ossea al bacino, che anestesia fanno?",
        "e per mia madre che ha 88 anni e una vertebra schiacciata?", "quanto tempo dovra stare in ospedale lei")]
    [InlineData("what anaesthetic do they use for my dad's osteosynthesis of the pelvis?",
        "and for my mother who is 88 with a crushed vertebra?", "how long will she stay in hospital")]
    [InlineData("quelle anesthesie pour l osteosynthese du bassin de mon pere ?",
        "et pour ma mere qui a 88 ans et une vertebre tassee ?", "combien de temps elle restera hospitalisee ?")]
    public void AndForMyMother_WithHerAgeAndHerVertebra_IsTheSameQuestion_ForHerProcedure(
        string father, string mother, string stay) =>
        Transcript.Start().Send(father).Expect("answer", "anesthesia")
            .Send(mother).Expect("answer", "anesthesia", "vertebral_cementoplasty")
            .Send(stay).Expect("answer", "hospital_stay", "vertebral_cementoplasty");

    [Theory]
    [InlineData("what if i dont wake up from the general anaesthetic for the vertebroplasty?")]
    [InlineData("et si je ne me reveille pas apres l anesthesie de la vertebroplastie ?")]
    [InlineData("e se non mi sveglio dopo l anestesia per la vertebroplastica?")]
    public void WhatIfIDoNotWakeUp_IsARiskTheDocumentsDoNotSettle_TheTeamOffered(string message) =>
        Transcript.Start().Send(message).Expect("answer", "anesthesia").ExpectEscalation("offered", "unanswered");

    [Theory]
    [InlineData("j'ai une peur bleue de pas me réveiller... pour les vis du bassin on est endormi complètement ?",
        "C'est normal d'être inquiet")]
    [InlineData("im terrified of the anaesthetic, will i be asleep for the vertebroplasty?", "natural to feel worried")]
    [InlineData("ho una paura matta, per la vertebroplastica mi addormentano?", "normale essere preoccupati")]
    public void AFearToldWithAQuestion_IsHeard_TheQuoteAnswers_AndTheTeamIsOffered(string message, string heard) =>
        Transcript.Start().Send(message).Expect("answer", "anesthesia").ExpectText(heard)
            .ExpectEscalation("offered", "medical_advice");

    [Fact]
    public void TheSameQuestionWithoutAFear_GetsThePlainAnswer()
    {
        var chat = Transcript.Start().Send("will i be asleep for the vertebroplasty?").Expect("answer", "anesthesia");

        Assert.Null(chat.Last.Escalation);
    }

    [Theory]
    [InlineData("quelle difference entre cimentoplastie et osteosynthese percutanee ?")]
    [InlineData("la cimentoplastie et l osteosynthese c est pareil ?")]
    [InlineData("whats the difference between a cementoplasty and percutaneous osteosynthesis")]
    public void AFamilysWord_ComparedWithAProcedure_IsDescribedByTheGeneralArticle_BesideIt(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("answer", "definition");

        Assert.Contains(chat.Last.Citations, c => c.DocumentId == "medisite-cimentoplastie");
        Assert.Contains(chat.Last.Citations, c => c.DocumentId == "osteosynthese-percutanee");
        // The general article is not headed as if it were one of the procedures.
        Assert.DoesNotContain("Pour Cimentoplastie", chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AComparisonOnASubject_QuotesEachProcedureOnThatSubject()
    {
        var chat = Transcript.Start().Send("which is riskier, vertebroplasty or osteosynthesis? compare the risks")
            .Expect("answer", "risks");

        Assert.Contains(chat.Last.Citations, c => c.DocumentId == "cimentoplastie-vertebrale");
        Assert.Contains(chat.Last.Citations, c => c.DocumentId == "osteosynthese-percutanee");
    }

    [Fact]
    public void WillItHurtAfterwards_AfterWhichOne_IsAnsweredByTheSentenceOnPain()
    {
        var chat = Transcript.Start().Send("will it hurt afterwards and for how long").Expect("clarify")
            .Send("the one for my spine, the crushed vertebra").Expect("answer", procedure: "vertebral_cementoplasty");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("deux ou trois jours", StringComparison.Ordinal));
    }

    [Fact]
    public void HowLongToSet_AndAfterHowManyHours_BothAnswered()
    {
        var chat = Transcript.Start()
            .Send("quanto tempo ci mette il cemento a indurire e dopo quante ore posso alzarmi").Expect("answer");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("10-15 minuti", StringComparison.Ordinal));
        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("due ore", StringComparison.Ordinal));
    }
}
