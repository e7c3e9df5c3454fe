using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the sixth blind clinical review found (issue 20), general causes each, and the fifth review's
/// incomplete answers: a small bruise answered with every risk down to death.
/// </summary>
public class SixthReviewTests
{
    [Theory]
    [InlineData("after my vertebroplasty there's a small bruise where the needle went, no pain, is that normal?")]
    [InlineData("j'ai un petit bleu au point de piqûre depuis ma vertébroplastie, c'est normal ?")]
    public void ABruiseQuestion_GetsTheRiskListsOwnLine_NotEveryRiskDownToDeath(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("answer", "risks", "vertebral_cementoplasty");

        Assert.Contains(chat.Last.Citations,
            c => c.Quote.Contains("hématome au niveau du point de ponction", StringComparison.Ordinal));
        Assert.DoesNotContain(chat.Last.Citations, c => c.Quote.Contains("Décès", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("quels sont les risques de la vertébroplastie ?")]
    [InlineData("what are the risks of the pelvic screw operation")]
    public void ARiskQuestion_NamingNoRisk_GetsTheWholeList(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("answer", "risks");

        Assert.Contains(chat.Last.Citations, c => c.Quote.StartsWith("• ", StringComparison.Ordinal));
        Assert.True(chat.Last.Citations.Count(c => c.Quote.StartsWith("• ", StringComparison.Ordinal)) >= 2);
    }

    [Theory]
    [InlineData("I had a cementoplasty yesterday and I can't feel my legs and I wet myself",
        "ok. how long before the pain goes away usually?", "the vertebral one",
        "A reminder: what you described may be an emergency")]
    [InlineData("j'ai eu une vertébroplastie hier et je ne sens plus mes jambes",
        "et la douleur ça part en combien de temps ?", "et quand pourra-t-il marcher ?",
        "Rappel : ce que vous avez décrit peut être une urgence")]
    public void WhileTheEmergencyIsOpen_AnotherQuestion_IsAnsweredAfterItsNumbersAgain(
        string emergency, string question, string next, string reminder)
    {
        var chat = Transcript.Start().Send(emergency).Expect("escalate", "emergency").Send(question);

        Assert.StartsWith(reminder, chat.Last.Text, StringComparison.Ordinal);
        chat.Send(next);
        Assert.StartsWith(reminder, chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CementoplasticaAlone_InItalian_IsAnsweredFromTheItalianDocument_SayingWhatItCovers_WithTheOthers()
    {
        var chat = Transcript.Start()
            .Send("Mia madre fa la cementoplastica la settimana prossima, quanto tempo dopo puo camminare?")
            .Expect("answer", "walking", "bone_cementoplasty")
            .ExpectText("riguarda le ossa fuori dalla colonna vertebrale");
        Assert.Contains("Cementoplastica vertebrale (vertebroplastica)", chat.Last.SuggestedActions);

        chat.Send("Cementoplastica vertebrale (vertebroplastica)")
            .Expect("answer", "walking", "vertebral_cementoplasty").ExpectText("rester immobile");
        Assert.DoesNotContain("fuori dalla colonna", chat.Last.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quanto dura la cementoplastica ossea?")]
    [InlineData("quanto dura la cementoplastica al femore?")]
    public void TheItalianDocumentsProcedure_NamedOrCued_IsNotSaidToBeAssumed(string message) =>
        Assert.DoesNotContain("fuori dalla colonna",
            Transcript.Start().Send(message).Expect("answer", procedure: "bone_cementoplasty").Last.Text,
            StringComparison.Ordinal);

    [Fact]
    public void SpineMetastases_InItalian_AreNotTheItalianDocument_WhichIsAboutBonesOutsideTheSpine() =>
        Transcript.Start().Send("quanti giorni resto in ospedale per la cementoplastica delle metastasi alla colonna?")
            .Expect("answer", "hospital_stay", "metastasis_cementoplasty");

    [Theory]
    [InlineData("What are the risks of vertebroplasty?",
        "how about the other procedure, the osteosynthesis - is it general anaesthesia too?")]
    [InlineData("quels sont les risques de la vertébroplastie ?",
        "et l'autre intervention, l'ostéosynthèse, c'est sous anesthésie générale aussi ?")]
    public void TheOtherProcedure_WithAnotherTopicInItsOwnWords_IsAskedAboutThatTopic(string first, string then) =>
        Transcript.Start().Send(first).Expect("answer", "risks", "vertebral_cementoplasty")
            .Send(then).Expect("answer", "anesthesia", "osteosynthesis");

    [Theory]
    [InlineData("e l'altra, la vertebroplastica? mia zia la deve fare")]
    [InlineData("e la vertebroplastica invece? mia zia la deve fare")]
    public void TheOtherProcedureNamed_ThenAFewWordsMore_IsStillTheQuestionJustAsked(string then) =>
        Transcript.Start().Send("quando si cammina dopo la cementoplastica ossea?")
            .Expect("answer", "walking", "bone_cementoplasty")
            .Send(then).Expect("answer", "walking", "vertebral_cementoplasty");

    [Fact]
    public void WhileTheEmergencyIsOpen_TheSameAnswerTwice_IsStillARepeat_AndTheTeamOffered()
    {
        var chat = Transcript.Start().Send("j'ai eu une vertébroplastie hier et je ne sens plus mes jambes")
            .Send("est-ce que je serai endormi ?").Expect("answer", "anesthesia");
        Assert.Null(chat.Last.Escalation);

        chat.Send("est-ce que je serai endormi ?").Expect("answer", "anesthesia").ExpectEscalation("offered", "unanswered");
        Assert.StartsWith("Rappel : ce que vous avez décrit peut être une urgence", chat.Last.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("je suis sous Préviscan et je vais avoir une vertébroplastie")]
    [InlineData("I take Plavix, I'm having the osteosynthesis next week")]
    public void AMedicineToldWithTheProcedure_NoQuestion_IsNotJustNoted_TheTeamIsOffered(string message) =>
        Transcript.Start().Send(message).ExpectEscalation("offered", "medical_advice");

    [Fact]
    public void Metformin_IsAPersonalFactor() =>
        Transcript.Start().Send("I'm on metformin, do I need to fast before the osteosynthesis?")
            .Expect("answer", "fasting", "osteosynthesis").ExpectEscalation("offered", "medical_advice");

    [Theory]
    [InlineData("I'm pregnant, can I have a vertebroplasty?")]
    [InlineData("je suis enceinte, est-ce que je peux faire une vertébroplastie ?")]
    [InlineData("sono incinta, posso fare la vertebroplastica?")]
    public void CanIHaveIt_WithAPersonalFactor_IsADecisionForTheTeam_NotAQuote(string message) =>
        Transcript.Start().Send(message).Expect("escalate", "medical_advice")
            .ExpectEscalation("created", "medical_advice");

    [Fact]
    public void ARemarkTheClassifierBarelyReadsAsAskingForAPerson_OffersTheTeam_OpensNothing() =>
        Transcript.Start().Send("I'm dead tired of all these appointments haha")
            .Expect("fallback", "human").ExpectEscalation("offered", "human_requested");

    [Theory]
    [InlineData("je veux parler à quelqu'un", "vous m'appelez à quelle heure ?",
        "transmis à l'équipe qui suit votre demande")]
    [InlineData("I want to talk to a nurse", "when will she call me?", "passed to the team handling your request")]
    public void AskingAgainForAPerson_WithARequestOpen_JoinsIt_InsteadOfOpeningAnother(
        string first, string again, string joined)
    {
        var opened = TestContent.Assistant.Reply(ConversationState.New, first, newEscalationId: "esc-1");
        Assert.IsType<EscalationCreated>(opened.Result.Escalation);

        var next = TestContent.Assistant.Reply(opened.State, again, newEscalationId: "esc-2");

        Assert.Equal("esc-1", Assert.IsType<AddedToEscalation>(next.Result.Escalation).Id);
        Assert.Contains(joined, next.Result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pour la vertébroplastie de ma mère, il faut apporter quoi le jour J ?")]
    [InlineData("per la vertebroplastica cosa devo portare il giorno dell'intervento?")]
    public void WhatToBring_WhenTheQuotesDoNotSay_IsSaidNotStated_AndTheTeamOffered(string message) =>
        Transcript.Start().Send(message).Expect("answer", procedure: "vertebral_cementoplasty")
            .ExpectEscalation("offered", "unanswered");

    [Fact]
    public void TwoQuestions_OneWithoutQuotes_TheOtherMissingItsPreciseTime_BothAreSaid() =>
        Transcript.Start().Send("à quelle heure je dois arriver et combien ça coûte pour la vertébroplastie ?")
            .ExpectText("Nos documents ne répondent pas à cette question (remboursement)")
            .ExpectText("Ce point précis n'est pas indiqué dans nos documents.")
            .ExpectEscalation("offered", "unanswered");

    [Fact]
    public void TwoQuestions_TheFirstBeginningWithCheAnestesia_AreBothAnswered()
    {
        var chat = Transcript.Start()
            .Send("per la cementoplastica ossea: che anestesia si fa e quando posso camminare? sono diabetico")
            .ExpectText("Su «Anestesia»:").ExpectText("Su «Camminare»:");

        Assert.Equal(("offered", "medical_advice"), (chat.Last.Escalation!.Status, chat.Last.Escalation.Reason));
    }

    [Theory]
    [InlineData("no I don't want to talk to anyone, just tell me if I need to fast before the osteosynthesis",
        "fasting")]
    [InlineData("non merci pas besoin de parler à quelqu'un, est-ce que l'ostéosynthèse est remboursée ?",
        "reimbursement")]
    [InlineData("no grazie, non voglio parlare con nessuno. quando posso camminare dopo la cementoplastica ossea?",
        "walking")]
    public void NotWantingToTalkToAnyone_IsNoRequestForAPerson(string message, string topic) =>
        Transcript.Start().Send(message).Expect("answer", topic);

    [Theory]
    [InlineData("Should I stop my aspirin before the vertebroplasty?", "yes", "Write your phone number")]
    [InlineData("Should I stop my aspirin before the vertebroplasty?", "no", "the team will answer you in this")]
    [InlineData("devo sospendere l'aspirina prima della vertebroplastica?", "sì", "Scriva qui il suo numero")]
    public void YesOrNo_ToGivingANumber_IsAnsweredAsSuch_NotWithHello(string first, string answer, string reply)
    {
        var opened = TestContent.Assistant.Reply(ConversationState.New, first, newEscalationId: "esc-1");
        Assert.True(opened.State.CallbackAsked);

        var next = TestContent.Assistant.Reply(opened.State, answer);

        Assert.Contains(reply, next.Result.Text, StringComparison.Ordinal);
        Assert.Equal(answer != "no", next.State.CallbackAsked);
    }

    [Fact]
    public void TheOtherOne_NamedWithANewQuestionInItsOwnWords_IsAskedAboutThatQuestion() =>
        Transcript.Start().Send("what is percutaneous osteosynthesis?").Expect("answer", "definition", "osteosynthesis")
            .Send("and for the other one, the vertebroplasty, how long do I stay?")
            .Expect("answer", "hospital_stay", "vertebral_cementoplasty");

    [Theory]
    [InlineData("do I need to stop working after the osteosynthesis?")]
    [InlineData("dopo l'osteosintesi devo stare a casa dal lavoro?")]
    public void TimeOffWork_InEnglishAndItalian_IsTheRecoverySentenceOnIt(string message) =>
        Transcript.Start().Send(message).Expect("answer", "recovery", "osteosynthesis")
            .ExpectText("Un arrêt de travail de 48h est nécessaire.");

    [Theory]
    [InlineData("elle habite seule, elle pourra rentrer le soir après sa cimentoplastie pour métastases ?")]
    [InlineData("mia madre abita da sola, potrà tornare a casa la sera dopo la cementoplastica ossea?")]
    public void LivingAlone_SaidWithHabiterOrAbitare_IsAPersonalFactor(string message) =>
        Transcript.Start().Send(message).Expect("answer", "hospital_stay")
            .ExpectEscalation("offered", "medical_advice");

    [Fact]
    public void QuestionsSeparatedByCommas_ElleSera_IsAQuestionOfItsOwn() =>
        Transcript.Start()
            .Send("ma mère a des métastases, cimentoplastie prévue, elle sera endormie, "
                + "et quand pourra-t-elle remarcher ?")
            .ExpectText("Sur « Anesthésie » :").ExpectText("Sur « Remarcher » :");
}
