using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the fifth blind clinical review found (issue 20), general causes each: the emergency forgotten
/// once another question came between, or when the patient says it is better; "et pour les métastases ?"
/// kept the procedure already known; "forget everything I said" sent to staff; aspirin "he" takes read
/// as fasting; the pain after a vertebroplasty answered with sentences on other things.
/// </summary>
public class FifthReviewTests
{
    private static readonly Assistant Bot = TestContent.Assistant;

    [Theory]
    [InlineData("J'ai eu une vertébroplastie ce matin et là je ne sens plus mes jambes",
        "non en fait ça va mieux, c'est sûrement rien, je me suis allongé")]
    [InlineData("ho fatto la cementoplastica ieri e adesso ho un forte dolore al petto e respiro male",
        "no vabbè forse è solo ansia, passa")]
    [InlineData("My dad had the cement injection in his spine yesterday and now he's confused and has a high fever",
        "actually he seems a bit better now, probably just tired. I don't want to bother anyone")]
    public void BetterNow_RightAfterTheEmergency_GetsTheGuidanceAgain(string emergency, string better)
    {
        var first = Bot.Reply(ConversationState.New, emergency, newEscalationId: "esc-1");

        var next = Bot.Reply(first.State, better, newEscalationId: "esc-2");

        Assert.IsType<Emergency>(next.Decision);
        Assert.Equal("esc-1", Assert.IsType<AddedToEscalation>(next.Result.Escalation).Id);
    }

    [Theory]
    [InlineData("J'ai eu une vertébroplastie ce matin et là je ne sens plus mes jambes",
        "combien de temps dure l'intervention ?", "je peux attendre demain pour appeler ?")]
    [InlineData("ho fatto la cementoplastica ieri e adesso ho un forte dolore al petto e respiro male",
        "quanto dura l'intervento?", "posso aspettare domani e chiamare il medico di famiglia?")]
    [InlineData("My dad had the cement injection in his spine yesterday and now he's confused and has a high fever",
        "how long does the procedure take?", "can we just wait until tomorrow morning?")]
    public void WaitingAsked_AfterAnotherQuestion_IsStillAboutTheEmergency(string emergency, string between, string wait)
    {
        var first = Bot.Reply(ConversationState.New, emergency, newEscalationId: "esc-1");
        var second = Bot.Reply(first.State, between, newEscalationId: "esc-2");
        Assert.IsNotType<Emergency>(second.Decision);

        var third = Bot.Reply(second.State, wait, newEscalationId: "esc-3");

        Assert.IsType<Emergency>(third.Decision);
        Assert.Equal("esc-1", Assert.IsType<AddedToEscalation>(third.Result.Escalation).Id);
    }

    [Fact]
    public void OnceStaffResolvedTheEmergency_Tomorrow_IsAnOrdinaryWord()
    {
        var first = Bot.Reply(ConversationState.New, "je ne sens plus mes jambes depuis la vertébroplastie", newEscalationId: "esc-1");
        var second = Bot.Reply(first.State, "combien de temps dure l'intervention ?");
        var resolved = second.State.Resolved("esc-1");

        var next = Bot.Reply(resolved, "je peux attendre demain pour appeler ?");

        Assert.IsNotType<Emergency>(next.Decision);
    }

    [Theory]
    [InlineData("how long does a vertebroplasty take?", "and what about for the metastases one?", "metastasis_cementoplasty")]
    [InlineData("combien de temps dure une vertébroplastie ?", "et pour les métastases ?", "metastasis_cementoplasty")]
    [InlineData("quanto dura la vertebroplastica?", "e per le metastasi?", "bone_cementoplasty")]
    public void AFollowUpNamingOnlyTheOtherProcedure_AsksTheSameQuestionForIt(string first, string then, string procedure) =>
        Transcript.Start().Send(first).Expect("answer", "course", "vertebral_cementoplasty")
            .Send(then).Expect("answer", "course", procedure);

    [Theory]
    [InlineData("je veux que vous oubliez tout ce que je vous ai dit")]
    [InlineData("effacez tout ce que je vous ai écrit s'il vous plaît")]
    [InlineData("dimentica tutto quello che ti ho detto")]
    [InlineData("please forget everything I said")]
    public void ForgettingAskedInPlainWords_AsksToConfirm_AndSendsNothingToStaff(string message)
    {
        var transcript = Transcript.Start().Send("combien de temps dure une vertébroplastie ?").Send(message);

        Assert.Null(transcript.Last.Escalation);
        Assert.True(transcript.State.ForgetMeAsked);
    }

    [Theory]
    [InlineData("il prend de l'aspirine tous les jours, il doit arrêter avant la vertébroplastie ?")]
    [InlineData("je prends du Doliprane et de l'aspirine, je continue avant la cimentoplastie pour métastases ?")]
    [InlineData("lui prende l'aspirina tutti i giorni, deve smettere prima della cementoplastica?")]
    public void AspirinTakenAndStopAsked_IsAPersonalDecision(string message) =>
        Transcript.Start().Send(message).Expect("escalate", "medical_advice").ExpectEscalation("created", "medical_advice");

    [Theory]
    [InlineData("J'ai eu ma vertébroplastie hier et j'ai encore mal au dos, ça va durer combien de temps la douleur ?")]
    [InlineData("Had my vertebroplasty 5 days ago and still sore in my back. how long should pain last after?")]
    public void PainAfterAVertebroplasty_IsAnsweredByTheGeneralArticlesSentenceOnPain(string message) =>
        Transcript.Start().Send(message).Expect("answer", procedure: "vertebral_cementoplasty")
            .ExpectQuotesFrom("medisite-cimentoplastie").ExpectText("deux ou trois jours");

    [Theory]
    [InlineData("où est-ce que je peux me garer à l'hôpital et à quelle heure je dois arriver ?")]
    [InlineData("dove posso parcheggiare in ospedale? c'è un parcheggio gratuito?")]
    [InlineData("what time should I arrive on the day and is there parking?")]
    [InlineData("à quelle heure je dois être à l'hôpital pour ma cimentoplastie ?")]
    public void APracticalDetailOfTheDay_IsSaidNotToBeInTheDocuments_AndTheTeamOffered(string message) =>
        Transcript.Start().Send(message).Expect("fallback").ExpectEscalation("offered", "unanswered");

    [Theory]
    [InlineData("what is cementoplasty", "just in general, the doctor hasn't said which one yet")]
    [InlineData("c'est quoi une cimentoplastie", "je sais pas trop, en général")]
    [InlineData("what is cementoplasty", "I don't know")]
    public void NotKnowingWhichProcedure_GetsTheGeneralAnswer_NotTheSameQuestionAgain(string question, string unsure) =>
        Transcript.Start().Send(question).Expect("clarify", "definition")
            .Send(unsure).Expect("answer", "definition").ExpectQuotesFrom("medisite-cimentoplastie")
            .ExpectEscalation("offered", "low_confidence");

    [Theory]
    [InlineData("what's the difference between vertebroplasty and cementoplasty for metastases?",
        "cimentoplastie-vertebrale", "cimentoplastie-metastases")]
    [InlineData("la vertébroplastie et la cimentoplastie pour métastases c'est pareil ?",
        "cimentoplastie-vertebrale", "cimentoplastie-metastases")]
    [InlineData("whats the difference between osteosynthesis and vertebroplasty",
        "osteosynthese-percutanee", "cimentoplastie-vertebrale")]
    public void TwoProceduresCompared_AreEachDescribedByTheirOwnDocument(string message, string first, string second)
    {
        var chat = Transcript.Start().Send(message).Expect("answer", "definition").ExpectQuotesFrom(first, second);

        Assert.Contains(chat.Last.Citations, c => c.DocumentId == first);
        Assert.Contains(chat.Last.Citations, c => c.DocumentId == second);
    }
}
