using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the fourth blind clinical review found (issue 20), general causes each: the emergency forgotten
/// when the patient plays it down or asks for the number, a short French reply read as Italian, worsening
/// pain in Italian, despair said as exhaustion, a situation asked about without a subject, a question
/// turned into another by the sentence after it.
/// </summary>
public class FourthReviewTests
{
    private static readonly Assistant Bot = TestContent.Assistant;

    [Theory]
    [InlineData("da ieri ho la febbre alta e la ferita è rossa e gonfia", "ma non voglio disturbare, magari passa da sola")]
    [InlineData("since yesterday I have a high fever and the wound is red and swollen", "I don't want to bother anyone, it'll pass")]
    [InlineData("depuis hier j'ai 39 de fièvre et la cicatrice est rouge et gonflée", "je ne veux pas déranger, ça va passer")]
    public void PlayingTheEmergencyDown_GetsTheGuidanceAgain_OnTheSameEscalation(string emergency, string then)
    {
        var first = Bot.Reply(ConversationState.New, emergency, newEscalationId: "esc-1");
        Assert.IsType<EscalationCreated>(first.Result.Escalation);

        var next = Bot.Reply(first.State, then, newEscalationId: "esc-2");

        Assert.IsType<Emergency>(next.Decision);
        Assert.Equal("esc-1", Assert.IsType<AddedToEscalation>(next.Result.Escalation).Id);
    }

    [Theory]
    [InlineData("honestly I'm so done with this pain, I don't want to be here anymore", "what's the number", "3114")]
    [InlineData("je ne veux plus être là, je veux juste que tout s'arrête", "c'est quoi le numéro ?", "3114")]
    [InlineData("non voglio più vivere così", "qual è il numero?", "02 2327 2327")]
    public void AfterACrisis_TheNumberAsked_IsGivenAgain(string crisis, string asked, string number) =>
        Transcript.Start().Send(crisis).Expect("escalate", "crisis").Send(asked).Expect("escalate", "crisis").ExpectText(number);

    [Fact]
    public void DAccord_AfterTheFrenchEmergencyGuidance_StaysFrench_WithTheFrenchNumbers() =>
        Transcript.Start().Send("j'ai eu une vertebroplastie hier")
            .Send("j'ai des fourmis dans les jambes et je tiens plus debout depuis ce matin").Expect("escalate", "emergency")
            .Send("d'accord").ExpectText("15 (SAMU)");

    [Theory]
    [InlineData("Dopo la cementoplastica il dolore è aumentato moltissimo, non dormo da due notti, è normale?")]
    [InlineData("Depuis la vertébroplastie la douleur a beaucoup augmenté, je ne dors plus, c'est normal ?")]
    [InlineData("Since the vertebroplasty the pain has got much worse and I can't sleep, is that normal?")]
    public void PainMuchWorseSinceTheProcedure_IsARedFlag_InEachLanguage(string message) =>
        Transcript.Start().Send(message).Expect("escalate", "emergency").ExpectEscalation("created", "emergency");

    [Theory]
    [InlineData("sono stanca di tutto, non ce la faccio più")]
    [InlineData("I'm tired of everything, I can't go on")]
    [InlineData("je n'en peux plus de tout ça, j'ai plus la force de me battre")]
    public void DespairSaidAsExhaustion_GetsTheCrisisReply(string message) =>
        Transcript.Start().Send(message).Expect("escalate", "crisis");

    [Theory]
    [InlineData("j'en peux plus d'attendre le rendez-vous, c'est quand la consultation ?")]
    [InlineData("non ce la faccio più ad aspettare, quando mi chiamate per l'intervento?")]
    public void ImpatienceWithWaiting_IsNoCrisis(string message) =>
        Assert.NotEqual("crisis", Transcript.Start().Send(message).Last.Topic);

    [Theory]
    [InlineData("my grandmother is having a vertebroplasty", "she lives alone, is that ok?")]
    [InlineData("mon père va avoir une ostéosynthèse du sacrum", "il a 89 ans et il est un peu perdu, ce n'est pas trop lourd pour lui ?")]
    public void ThePatientsOwnSituation_AskedWithoutASubject_IsOfferedTheTeam(string first, string then) =>
        Transcript.Start().Send(first).Send(then).ExpectEscalation("offered", "medical_advice");

    [Fact]
    public void StoppingTwoMedicines_IsAPersonalDecision_NotAFastingQuestion() =>
        Transcript.Start().Send("Je prends du Kardégic et du Xarelto, est-ce que je dois les arrêter avant ma vertébroplastie ?")
            .ExpectEscalation("created", "medical_advice");

    [Theory]
    [InlineData("Combien de temps dure l'intervention de vertébroplastie ? ma fille doit poser sa journée pour m'accompagner", "course")]
    [InlineData("When can I walk after cementoplasty for bone metastases? I'm being treated in Milan for a metastasis in my pelvis", "walking")]
    public void TheSentenceAfterTheQuestion_DoesNotChangeWhatIsAsked(string message, string topic) =>
        Transcript.Start().Send(message).Expect("answer", topic);

    [Fact]
    public void TheOtherOne_NamedByItsCue_IsNotAskedFor() =>
        Transcript.Start().Send("la cimentoplastie pour métastases osseuses, on peut remarcher quand après ?")
            .Expect("answer", "walking", "metastasis_cementoplasty")
            .Send("et pour l'autre, la vertébrale ?").Expect("answer", "walking", "vertebral_cementoplasty");

    [Theory]
    [InlineData("ques ce que tu sais sur moi", "Voici ce que je garde")]
    [InlineData("what do u know abt me", "This is what I keep")]
    [InlineData("cancella tutto quello che sai su di me", "Vuole che cancelli")]
    [InlineData("aiuto, cosa posso chiederti?", "Rispondo alle domande")]
    public void SelfServiceCommands_SaidLoosely_AreUnderstood(string message, string reply) =>
        Transcript.Start().Send(message).Expect("smalltalk", "self_service").ExpectText(reply);

    [Fact]
    public void ThanksToTheEraseQuestion_SaysNothingWasErased() =>
        Transcript.Start().Send("oubliez moi").ExpectText("effacer")
            .Send("merci").Expect("smalltalk", "self_service").ExpectText("rien n'est effacé");
}
