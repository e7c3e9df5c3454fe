using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the patient needs, beyond the topic: a plain answer, the answer and the team, the team at once,
/// each question answered, the procedure meant (issue 20).
/// </summary>
public class JudgementTests
{
    [Theory]
    [InlineData("Je prends du Kardégic, pour ma vertébroplastie y a-t-il un risque de saignement ?", "risks")]
    [InlineData("J'ai 87 ans et je vis seule. Après la vertébroplastie, je rentre chez moi quand ?", "hospital_stay")]
    [InlineData("My mum is 91 years old, will she be asleep for her vertebroplasty?", "anesthesia")]
    [InlineData("Dad lives on his own, when does he go home after the vertebroplasty?", "hospital_stay")]
    [InlineData("quali sono i rischi dell'osteosintesi alla mia età?", "risks")]
    // Read as a personal decision with certainty, but it asks what the procedure does.
    [InlineData("Sous Plavix et Kardégic depuis mon stent. Pour la vertébroplastie, le risque de saignement"
        + " est-il plus grand ?", "risks")]
    public void PersonalFactor_InAQuestionOnTheProcedure_GetsTheQuotes_AndTheTeamOffered(string message, string topic) =>
        Transcript.Start().Send(message).Expect("answer", topic).ExpectEscalation("offered", "medical_advice")
            .ExpectText(TestContent.Content.Reply(TestContent.Assistant.Reply(ConversationState.New, message).Result.Language, "personal_situation"));

    [Theory]
    [InlineData("dois-je arrêter mon Kardégic avant la vertébroplastie ?")]
    [InlineData("should I stop my Xarelto before the vertebroplasty?")]
    [InlineData("devo sospendere il Coumadin prima della vertebroplastica?")]
    [InlineData("I'm diabetic on insulin: should I lower my dose the evening before my osteosynthesis?")]
    [InlineData("ma mère est sous Eliquis, on doit l'arrêter avant sa vertébroplastie ?")]
    [InlineData("prendo la cardioaspirina, la smetto o no prima dell'osteosintesi?")]
    [InlineData("Mon mari prend de l'Eliquis, il doit l'arrêter avant son ostéosynthèse ?")]
    [InlineData("She's on warfarin, is that ok for her vertebroplasty on Friday?")]
    public void PersonalDecision_GoesToTheTeam_WithoutAQuote(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("escalate", "medical_advice").ExpectEscalation("created", "medical_advice");
        Assert.Empty(chat.Last.Citations);
    }

    [Theory]
    [InlineData("A quelle heure je dois me présenter la veille pour mon ostéosynthèse ?")]
    [InlineData("dopo l'osteosintesi a che ora mi dimettono il giorno dopo?")]
    public void ClockTime_TheDocumentsDoNotGive_IsSaid_AndTheTeamOffered(string message) =>
        Transcript.Start().Send(message).Expect("answer").ExpectEscalation("offered", "unanswered");

    [Fact]
    public void APrecision_AskedBeforeTheClarification_StillCounts_OnceTheProcedureIsKnown() =>
        Transcript.Start().Send("How long does the whole bone cement procedure take?").Expect("clarify")
            .Send("Vertebral cementoplasty (vertebroplasty)").Expect("answer", "course", "vertebral_cementoplasty")
            .ExpectEscalation("offered", "unanswered");

    [Theory]
    [InlineData("est-ce que l'ostéosynthèse percutanée est remboursée par la sécu ?")]
    [InlineData("Is percutaneous osteosynthesis covered by health insurance in France?")]
    public void PlainQuestion_TheDocumentsAnswer_GetsAPlainAnswer(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("answer", "reimbursement", "osteosynthesis");
        Assert.Null(chat.Last.Escalation);
    }

    [Fact]
    public void SeveralQuestions_EachGetsItsQuotes_InOrder_AndTheUnansweredOneIsSaid()
    {
        var chat = Transcript.Start()
            .Send("Pour l'ostéosynthèse de mon mari : il sera endormi ? il reste combien de temps à l'hôpital ? et c'est remboursé ?")
            .Expect("answer", "anesthesia", "osteosynthesis").ExpectQuotesFrom("osteosynthese-percutanee");
        var headings = new[] { "Sur « Anesthésie » :", "Sur « Hospitalisation » :", "Sur « Remboursement » :" };
        var at = headings.Select(h => chat.Last.Text.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0, chat.Last.Text));
        Assert.Equal(at.Order(), at);

        chat.Send("et pour la cimentoplastie vertébrale c'est pareil ? c'est pour ma soeur")
            .Expect("answer", "anesthesia", "vertebral_cementoplasty").ExpectText("Sur « Hospitalisation » :")
            .ExpectText("ne répondent pas à cette question (remboursement)").ExpectEscalation("offered", "unanswered");

        Transcript.Start().Send("For my vertebroplasty: will I be asleep? and is it reimbursed?")
            .Expect("answer", "anesthesia").ExpectText("do not answer this question (reimbursement)")
            .ExpectEscalation("offered", "unanswered");
    }

    [Theory]
    [InlineData("Pour l'ostéosynthèse de ma mère : elle sera endormie, combien de temps elle reste à l'hôpital"
        + " et est-ce que c'est remboursé ?", "Sur « Remboursement » :")]
    [InlineData("per l'osteosintesi quanto resto in ospedale e sarò addormentato?", "Su «Anestesia»:")]
    public void SeveralQuestions_UnderOneQuestionMark_EachGetsItsQuotes(string message, string heading) =>
        Transcript.Start().Send(message).Expect("answer", procedure: "osteosynthesis").ExpectText(heading);

    [Fact]
    public void AnOpeningClause_IsNotAQuestionOfItsOwn()
    {
        var chat = Transcript.Start().Send("Après la vertébroplastie, combien de temps je reste à l'hôpital ?")
            .Expect("answer", "hospital_stay");
        Assert.DoesNotContain("Sur «", chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOtherOne_IsTheOtherProcedureNamedEarlier() =>
        Transcript.Start()
            .Send("my mum is having a vertebroplasty and my dad an osteosynthesis. When can mum walk again after her vertebroplasty?")
            .Expect("answer", "walking", "vertebral_cementoplasty")
            .Send("and for the other one, the same?").Expect("answer", "walking", "osteosynthesis");

    [Fact]
    public void TheOtherOne_NamedInThePatientsWords_GetsTheSameQuestion() =>
        Transcript.Start().Send("how long in hospital after a vertebroplasty?").Expect("answer", "hospital_stay")
            .Send("and the other one, the one with screws?").Expect("answer", "hospital_stay", "osteosynthesis");

    [Fact]
    public void TheOtherOne_WhenOnlyOneWasNamed_AsksWhichOfTheOthers()
    {
        var chat = Transcript.Start().Send("la vertebroplastica fa male dopo?").Expect("answer", procedure: "vertebral_cementoplasty")
            .Send("e per l'altro intervento?").Expect("clarify", "recovery");

        Assert.DoesNotContain(chat.Last.SuggestedActions, s => s.Contains("vertebrale", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Et la nucléoplastie, c'est pareil ?")]
    [InlineData("My cardiologist mentioned a coronary angioplasty, what are the risks?")]
    [InlineData("che cos'è la discoplastica?")]
    public void AProcedureOurDocumentsDoNotDescribe_IsSaid_AndTheTeamOffered(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("fallback").ExpectEscalation("offered", "unanswered");
        Assert.Empty(chat.Last.Citations);
    }

    [Fact]
    public void AnotherProcedureMentioned_BesideOneOfOurs_DoesNotStopTheAnswer() =>
        Transcript.Start().Send("j'ai eu une angioplastie l'an dernier ; quels sont les risques de la vertébroplastie ?")
            .Expect("answer", "risks", "vertebral_cementoplasty");

    [Fact]
    public void WhichOne_WhenOnlyOneProceduresDocumentsAnswer_StillListsEveryProcedure()
    {
        // A single button would be taken as the patient's own procedure.
        var chat = Transcript.Start().Send("do I need to fast before?").Expect("clarify", "fasting");
        Assert.Equal(4, chat.Last.SuggestedActions.Count(b => b != "I don't know"));

        chat.Send("Vertebral cementoplasty (vertebroplasty)").Expect("escalate", "fasting", "vertebral_cementoplasty")
            .ExpectEscalation("offered", "unanswered");
    }

    [Theory]
    [InlineData("Will I bleed a lot after the vertebroplasty?")]
    [InlineData("est-ce que je vais saigner après la vertébroplastie ?")]
    public void AQuestionAboutWhatMayHappen_IsNotAnEmergency(string message) =>
        Transcript.Start().Send(message).Expect("answer");

    [Fact]
    public void ADeniedName_IsNotAChoice_NorOfferedAgain()
    {
        var chat = Transcript.Start().Send("ce n'est pas une vertébroplastie, c'est quoi les risques ?").Expect("clarify", "risks");
        Assert.DoesNotContain(TestContent.Assistant.Reply(ConversationState.New, "vertébroplastie").Result.SuggestedActions,
            s => chat.Last.SuggestedActions.Contains(s) && s.Contains("vertébrale", StringComparison.Ordinal));
    }

    [Fact]
    public void ANegation_InTheSentenceBefore_DoesNotDenyTheName() =>
        Transcript.Start().Send("ho un piccolo livido, non fa male per niente. vertebroplastica 3 giorni fa, è normale?")
            .Expect("answer", procedure: "vertebral_cementoplasty");

    [Fact]
    public void AnswerToWhichProcedure_InPatientsWords_AnswersTheQuestionAsked() =>
        Transcript.Start().Send("on est endormi pour une cimentoplastie ?").Expect("clarify", "anesthesia")
            .Send("c pour des metastases aux vertebres").Expect("answer", "anesthesia", "metastasis_cementoplasty");

    [Fact]
    public void AFamilyWord_AfterAKnownProcedure_KeepsIt_InItalianToo() =>
        Transcript.Start().Send("la vertebroplastica fa male?").Expect("answer", procedure: "vertebral_cementoplasty")
            .Send("e il cemento è pericoloso?").Expect("answer", "risks", "vertebral_cementoplasty");

    [Theory]
    [InlineData("I'd like the anaesthetist to call me")]
    [InlineData("je voudrais parler à l'anesthésiste")]
    [InlineData("posso parlare con il radiologo del cemento?")]
    public void ARequestForANamedRole_GoesToStaff_WhateverTheSubject(string message) =>
        Transcript.Start().Send(message).Expect("escalate", "human").ExpectEscalation("created", "human_requested");

    [Fact]
    public void CanYouTranslate_IsAnswered_AndTheOfferStaysOpen() =>
        Transcript.Start().Send("do I need to fast for my vertebroplasty?").ExpectEscalation("offered", "unanswered")
            .Send("can you translate?").Expect("smalltalk").ExpectText("cannot translate")
            .Send("yes").Expect("escalate").ExpectEscalation("created", "unanswered");
}
